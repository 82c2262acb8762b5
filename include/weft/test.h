/* weft/test.h - declaring tests, checks and explored choices. */
#ifndef WEFT_TEST_H
#define WEFT_TEST_H

#include <weft/loc.h>

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

struct weft_test {
	const char *name;
	void (*fn)(void);
	const char *file;
	int line;
	struct weft_test *next;
};

void weft__register_test(struct weft_test *t);

/* WEFT_TEST(name) { body } defines a test; a constructor registers it, so
 * there is no list to keep by hand.  The body runs as test thread 0 once
 * per explored execution, each time from the program's initial state. */
#define WEFT_TEST(tname)                                                      \
	static void weft_test_fn_##tname(void);                               \
	static struct weft_test weft_test_desc_##tname = {                    \
		#tname, weft_test_fn_##tname, __FILE__, __LINE__, 0          \
	};                                                                    \
	__attribute__((constructor)) static void weft_test_reg_##tname(void)  \
	{                                                                     \
		weft__register_test(&weft_test_desc_##tname);                 \
	}                                                                     \
	static void weft_test_fn_##tname(void)

/* Report kind `assertion` with the expression and location when cond is
 * false.  Never blocks and is not a scheduling point. */
void weft_assert_fail(const char *expr, const struct weft_loc *loc)
	__attribute__((noreturn));
#define weft_assert(cond)                                                     \
	((cond) ? (void)0 : weft_assert_fail(#cond, WEFT_HERE))

/* A nondeterministic value in [0, n) that exploration enumerates: exhaustive
 * strategies try every value.  A scheduling point; never blocks. */
int(weft_choose)(int n);
int weft_choose_at(int n, const struct weft_loc *loc);
#define weft_choose(n) weft_choose_at((n), WEFT_HERE)

/* Prune the current execution when cond is false (it is neither a bug nor a
 * pass).  Used for assumptions such as __VERIFIER_assume. */
void weft_assume_at(int cond, const struct weft_loc *loc);
#define weft_assume(c) weft_assume_at(!!(c), WEFT_HERE)

/* Report a bug of the given kind (a name from the documented list) at loc
 * and end the execution. */
void weft_report(const char *kind, const struct weft_loc *loc,
		 const char *fmt, ...)
	__attribute__((noreturn, format(printf, 3, 4)));

/* How the race detector treats volatile accesses.  By default, as in
 * ThreadSanitizer, a volatile access is an ordinary access that races
 * (and orders nothing).  Code that uses volatile as its marked accesses,
 * as kernel code does, calls weft_volatile_marked(1): they then never
 * race, like relaxed atomics.  The kernel model headers do it for you.
 * Never blocks; call it before the tests run (a constructor). */
void weft_volatile_marked(int on);

#ifdef __cplusplus
}
#endif

#endif
