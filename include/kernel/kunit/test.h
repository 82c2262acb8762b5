/* kunit/test.h - KUnit-shaped tests under weft.
 *
 * A concurrency test written for KUnit runs as weft tests unchanged: every
 * KUNIT_CASE of a suite registered with kunit_test_suite becomes a weft
 * test named after the case, explored like a WEFT_TEST (each execution
 * runs the suite's init, the case and the suite's exit).  A failed
 * KUNIT_EXPECT_* or KUNIT_ASSERT_* is a finding of kind `assertion` that
 * ends the execution (KUnit would go on after an EXPECT; weft reports the
 * first failure with its interleaving).  kunit_kzalloc and friends are
 * freed when the case ends, as KUnit's resources are.  At most
 * WEFT_KUNIT_MAX_CASES cases per program. */
#ifndef WEFT_KERNEL_KUNIT_TEST_H
#define WEFT_KERNEL_KUNIT_TEST_H

#include <linux/weft_kernel.h>

#define WEFT_KUNIT_MAX_CASES 32
#define WEFT_KUNIT_MAX_RES 32

struct kunit {
	const char *name;
	void *priv;
	int weft_nres_;
	void *weft_res_[WEFT_KUNIT_MAX_RES];
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	void *weft_unused_;
};

struct kunit_suite {
	const char name[256];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;
};

#define KUNIT_CASE(fn) { .run_case = (fn), .name = #fn }
#define KUNIT_CASE_SLOW(fn) KUNIT_CASE(fn)

/* ---- running a case as a weft test ---------------------------------------- */

static struct {
	struct kunit_suite *suite;
	struct kunit_case *kcase;
} weft_kunit_cases_[WEFT_KUNIT_MAX_CASES];
static struct weft_test weft_kunit_tests_[WEFT_KUNIT_MAX_CASES];
static int weft_kunit_ncases_;

static inline void weft_kunit_run_(int i)
{
	struct kunit_suite *s = weft_kunit_cases_[i].suite;
	struct kunit test = { .name = weft_kunit_cases_[i].kcase->name };

	if (s->suite_init && s->suite_init(s))
		weft_report("assertion", WEFT_HERE, "suite_init of %s failed",
			    s->name);
	if (s->init && s->init(&test))
		weft_report("assertion", WEFT_HERE, "init of %s failed",
			    s->name);
	weft_kunit_cases_[i].kcase->run_case(&test);
	if (s->exit)
		s->exit(&test);
	if (s->suite_exit)
		s->suite_exit(s);
	while (test.weft_nres_ > 0)
		kfree(test.weft_res_[--test.weft_nres_]);
}

#define WEFT_KUNIT_THUNK_(n)                                                  \
	static void weft_kunit_thunk_##n(void) { weft_kunit_run_(n); }
WEFT_KUNIT_THUNK_(0) WEFT_KUNIT_THUNK_(1) WEFT_KUNIT_THUNK_(2)
WEFT_KUNIT_THUNK_(3) WEFT_KUNIT_THUNK_(4) WEFT_KUNIT_THUNK_(5)
WEFT_KUNIT_THUNK_(6) WEFT_KUNIT_THUNK_(7) WEFT_KUNIT_THUNK_(8)
WEFT_KUNIT_THUNK_(9) WEFT_KUNIT_THUNK_(10) WEFT_KUNIT_THUNK_(11)
WEFT_KUNIT_THUNK_(12) WEFT_KUNIT_THUNK_(13) WEFT_KUNIT_THUNK_(14)
WEFT_KUNIT_THUNK_(15) WEFT_KUNIT_THUNK_(16) WEFT_KUNIT_THUNK_(17)
WEFT_KUNIT_THUNK_(18) WEFT_KUNIT_THUNK_(19) WEFT_KUNIT_THUNK_(20)
WEFT_KUNIT_THUNK_(21) WEFT_KUNIT_THUNK_(22) WEFT_KUNIT_THUNK_(23)
WEFT_KUNIT_THUNK_(24) WEFT_KUNIT_THUNK_(25) WEFT_KUNIT_THUNK_(26)
WEFT_KUNIT_THUNK_(27) WEFT_KUNIT_THUNK_(28) WEFT_KUNIT_THUNK_(29)
WEFT_KUNIT_THUNK_(30) WEFT_KUNIT_THUNK_(31)
static void (*const weft_kunit_thunks_[WEFT_KUNIT_MAX_CASES])(void) = {
	weft_kunit_thunk_0, weft_kunit_thunk_1, weft_kunit_thunk_2,
	weft_kunit_thunk_3, weft_kunit_thunk_4, weft_kunit_thunk_5,
	weft_kunit_thunk_6, weft_kunit_thunk_7, weft_kunit_thunk_8,
	weft_kunit_thunk_9, weft_kunit_thunk_10, weft_kunit_thunk_11,
	weft_kunit_thunk_12, weft_kunit_thunk_13, weft_kunit_thunk_14,
	weft_kunit_thunk_15, weft_kunit_thunk_16, weft_kunit_thunk_17,
	weft_kunit_thunk_18, weft_kunit_thunk_19, weft_kunit_thunk_20,
	weft_kunit_thunk_21, weft_kunit_thunk_22, weft_kunit_thunk_23,
	weft_kunit_thunk_24, weft_kunit_thunk_25, weft_kunit_thunk_26,
	weft_kunit_thunk_27, weft_kunit_thunk_28, weft_kunit_thunk_29,
	weft_kunit_thunk_30, weft_kunit_thunk_31,
};

static inline void weft_kunit_register_(struct kunit_suite *s,
					const char *file, int line)
{
	for (struct kunit_case *c = s->test_cases; c && c->run_case; c++) {
		int i = weft_kunit_ncases_;

		if (i == WEFT_KUNIT_MAX_CASES)
			break;
		weft_kunit_ncases_++;
		weft_kunit_cases_[i].suite = s;
		weft_kunit_cases_[i].kcase = c;
		weft_kunit_tests_[i] = (struct weft_test){
			c->name, weft_kunit_thunks_[i], file, line, 0
		};
		weft__register_test(&weft_kunit_tests_[i]);
	}
}

#define kunit_test_suites(...)                                                \
	__attribute__((constructor)) static void weft_kunit_suites_(void)     \
	{                                                                     \
		struct kunit_suite *weft_s_[] = { __VA_ARGS__ };              \
		for (size_t i = 0; i < ARRAY_SIZE(weft_s_); i++)              \
			weft_kunit_register_(weft_s_[i], __FILE__, __LINE__); \
	}                                                                     \
	struct weft_kx_module_info_
#define kunit_test_suite(suite) kunit_test_suites(&(suite))
#define kunit_test_init_section_suites(...) kunit_test_suites(__VA_ARGS__)
#define kunit_test_init_section_suite(suite) kunit_test_suite(suite)

/* ---- resources, logging, skipping -------------------------------------------- */

static inline void *weft_kunit_keep_(struct kunit *test, void *p)
{
	if (p && test->weft_nres_ < WEFT_KUNIT_MAX_RES)
		test->weft_res_[test->weft_nres_++] = p;
	return p;
}
#define kunit_kmalloc(test, n, gfp) weft_kunit_keep_((test), kmalloc(n, gfp))
#define kunit_kzalloc(test, n, gfp) weft_kunit_keep_((test), kzalloc(n, gfp))
#define kunit_kcalloc(test, n, size, gfp)                                     \
	weft_kunit_keep_((test), kcalloc(n, size, gfp))
#define kunit_kmalloc_array(test, n, size, gfp)                               \
	weft_kunit_keep_((test), kmalloc_array(n, size, gfp))
static inline void weft_kunit_kfree_(struct kunit *test, const void *p,
				     const struct weft_loc *loc)
{
	for (int i = 0; i < test->weft_nres_; i++)
		if (test->weft_res_[i] == p) {
			test->weft_res_[i] = test->weft_res_[--test->weft_nres_];
			break;
		}
	weft_kfree(p, "kunit_kfree", loc);
}
#define kunit_kfree(test, p) weft_kunit_kfree_((test), (p), WEFT_HERE)
#define kunit_info(test, ...) weft_lx_printk(__VA_ARGS__)
#define kunit_warn(test, ...) weft_lx_printk(__VA_ARGS__)
#define kunit_err(test, ...) weft_lx_printk(__VA_ARGS__)
#define kunit_log(lvl, test, ...) weft_lx_printk(__VA_ARGS__)
/* A skipped case passes: the execution is pruned, not failed. */
#define kunit_skip(test, ...) weft_assume_at(0, WEFT_HERE)
#define kunit_mark_skipped(test, ...) ((void)0)

/* ---- expectations and assertions ------------------------------------------ */

#define KUNIT_FAIL(test, ...)                                                 \
	((void)(test), weft_report("assertion", WEFT_HERE, "KUNIT_FAIL"))
#define WEFT_KUNIT_TRUE_(test, c, what)                                       \
	do {                                                                  \
		(void)(test);                                                 \
		if (!(c))                                                     \
			weft_report("assertion", WEFT_HERE, "%s", what);      \
	} while (0)
#define WEFT_KUNIT_CMP_(test, a, op, b, what)                                 \
	do {                                                                  \
		(void)(test);                                                 \
		__typeof__(a) weft_a_ = (a);                                  \
		__typeof__(b) weft_b_ = (b);                                  \
		if (!(weft_a_ op weft_b_))                                    \
			weft_report("assertion", WEFT_HERE,                   \
				    "%s: %lld " #op " %lld is false", what,  \
				    (long long)weft_a_, (long long)weft_b_);  \
	} while (0)
#define WEFT_KUNIT_PCMP_(test, a, op, b, what)                                \
	do {                                                                  \
		(void)(test);                                                 \
		const void *weft_a_ = (a), *weft_b_ = (b);                    \
		if (!(weft_a_ op weft_b_))                                    \
			weft_report("assertion", WEFT_HERE,                   \
				    "%s: %p " #op " %p is false", what,       \
				    weft_a_, weft_b_);                        \
	} while (0)
#define WEFT_KUNIT_STR_(test, a, op, b, what)                                 \
	do {                                                                  \
		(void)(test);                                                 \
		if (!(strcmp((a), (b)) op 0))                                 \
			weft_report("assertion", WEFT_HERE,                   \
				    "%s: \"%s\" vs \"%s\"", what, (a), (b));  \
	} while (0)

#define KUNIT_EXPECT_TRUE(t, c, ...) WEFT_KUNIT_TRUE_(t, c, "KUNIT_EXPECT_TRUE(" #c ")")
#define KUNIT_EXPECT_FALSE(t, c, ...) WEFT_KUNIT_TRUE_(t, !(c), "KUNIT_EXPECT_FALSE(" #c ")")
#define KUNIT_EXPECT_EQ(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, ==, b, "KUNIT_EXPECT_EQ(" #a ", " #b ")")
#define KUNIT_EXPECT_NE(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, !=, b, "KUNIT_EXPECT_NE(" #a ", " #b ")")
#define KUNIT_EXPECT_LT(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, <, b, "KUNIT_EXPECT_LT(" #a ", " #b ")")
#define KUNIT_EXPECT_LE(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, <=, b, "KUNIT_EXPECT_LE(" #a ", " #b ")")
#define KUNIT_EXPECT_GT(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, >, b, "KUNIT_EXPECT_GT(" #a ", " #b ")")
#define KUNIT_EXPECT_GE(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, >=, b, "KUNIT_EXPECT_GE(" #a ", " #b ")")
#define KUNIT_EXPECT_PTR_EQ(t, a, b, ...) WEFT_KUNIT_PCMP_(t, a, ==, b, "KUNIT_EXPECT_PTR_EQ(" #a ", " #b ")")
#define KUNIT_EXPECT_PTR_NE(t, a, b, ...) WEFT_KUNIT_PCMP_(t, a, !=, b, "KUNIT_EXPECT_PTR_NE(" #a ", " #b ")")
#define KUNIT_EXPECT_NULL(t, p, ...) WEFT_KUNIT_PCMP_(t, p, ==, NULL, "KUNIT_EXPECT_NULL(" #p ")")
#define KUNIT_EXPECT_NOT_NULL(t, p, ...) WEFT_KUNIT_PCMP_(t, p, !=, NULL, "KUNIT_EXPECT_NOT_NULL(" #p ")")
#define KUNIT_EXPECT_NOT_ERR_OR_NULL(t, p, ...) WEFT_KUNIT_TRUE_(t, !IS_ERR_OR_NULL(p), "KUNIT_EXPECT_NOT_ERR_OR_NULL(" #p ")")
#define KUNIT_EXPECT_STREQ(t, a, b, ...) WEFT_KUNIT_STR_(t, a, ==, b, "KUNIT_EXPECT_STREQ(" #a ", " #b ")")
#define KUNIT_EXPECT_STRNEQ(t, a, b, ...) WEFT_KUNIT_STR_(t, a, !=, b, "KUNIT_EXPECT_STRNEQ(" #a ", " #b ")")
#define KUNIT_EXPECT_MEMEQ(t, a, b, n, ...) WEFT_KUNIT_TRUE_(t, !memcmp(a, b, n), "KUNIT_EXPECT_MEMEQ(" #a ", " #b ")")

#define KUNIT_ASSERT_TRUE(t, c, ...) WEFT_KUNIT_TRUE_(t, c, "KUNIT_ASSERT_TRUE(" #c ")")
#define KUNIT_ASSERT_FALSE(t, c, ...) WEFT_KUNIT_TRUE_(t, !(c), "KUNIT_ASSERT_FALSE(" #c ")")
#define KUNIT_ASSERT_EQ(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, ==, b, "KUNIT_ASSERT_EQ(" #a ", " #b ")")
#define KUNIT_ASSERT_NE(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, !=, b, "KUNIT_ASSERT_NE(" #a ", " #b ")")
#define KUNIT_ASSERT_LT(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, <, b, "KUNIT_ASSERT_LT(" #a ", " #b ")")
#define KUNIT_ASSERT_LE(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, <=, b, "KUNIT_ASSERT_LE(" #a ", " #b ")")
#define KUNIT_ASSERT_GT(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, >, b, "KUNIT_ASSERT_GT(" #a ", " #b ")")
#define KUNIT_ASSERT_GE(t, a, b, ...) WEFT_KUNIT_CMP_(t, a, >=, b, "KUNIT_ASSERT_GE(" #a ", " #b ")")
#define KUNIT_ASSERT_PTR_EQ(t, a, b, ...) WEFT_KUNIT_PCMP_(t, a, ==, b, "KUNIT_ASSERT_PTR_EQ(" #a ", " #b ")")
#define KUNIT_ASSERT_PTR_NE(t, a, b, ...) WEFT_KUNIT_PCMP_(t, a, !=, b, "KUNIT_ASSERT_PTR_NE(" #a ", " #b ")")
#define KUNIT_ASSERT_NULL(t, p, ...) WEFT_KUNIT_PCMP_(t, p, ==, NULL, "KUNIT_ASSERT_NULL(" #p ")")
#define KUNIT_ASSERT_NOT_NULL(t, p, ...) WEFT_KUNIT_PCMP_(t, p, !=, NULL, "KUNIT_ASSERT_NOT_NULL(" #p ")")
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(t, p, ...) WEFT_KUNIT_TRUE_(t, !IS_ERR_OR_NULL(p), "KUNIT_ASSERT_NOT_ERR_OR_NULL(" #p ")")
#define KUNIT_ASSERT_STREQ(t, a, b, ...) WEFT_KUNIT_STR_(t, a, ==, b, "KUNIT_ASSERT_STREQ(" #a ", " #b ")")
#define KUNIT_ASSERT_STRNEQ(t, a, b, ...) WEFT_KUNIT_STR_(t, a, !=, b, "KUNIT_ASSERT_STRNEQ(" #a ", " #b ")")

#define KUNIT_EXPECT_TRUE_MSG(t, c, ...) KUNIT_EXPECT_TRUE(t, c)
#define KUNIT_EXPECT_FALSE_MSG(t, c, ...) KUNIT_EXPECT_FALSE(t, c)
#define KUNIT_EXPECT_EQ_MSG(t, a, b, ...) KUNIT_EXPECT_EQ(t, a, b)
#define KUNIT_EXPECT_NE_MSG(t, a, b, ...) KUNIT_EXPECT_NE(t, a, b)
#define KUNIT_ASSERT_TRUE_MSG(t, c, ...) KUNIT_ASSERT_TRUE(t, c)
#define KUNIT_ASSERT_FALSE_MSG(t, c, ...) KUNIT_ASSERT_FALSE(t, c)
#define KUNIT_ASSERT_EQ_MSG(t, a, b, ...) KUNIT_ASSERT_EQ(t, a, b)
#define KUNIT_ASSERT_NE_MSG(t, a, b, ...) KUNIT_ASSERT_NE(t, a, b)

#endif
