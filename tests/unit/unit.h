/* tests/unit/unit.h - a minimal unit-test framework.
 *
 * UNIT(name) { ... } registers a test; the EXPECT_* macros print both sides
 * of a failed comparison and mark the test failed without stopping it. */
#ifndef WEFT_UNIT_H
#define WEFT_UNIT_H

#include <stdio.h>
#include <string.h>

struct unit {
	const char *name;
	void (*fn)(void);
	struct unit *next;
};
void unit_register(struct unit *u);
extern int unit_failed;

#define UNIT(n)                                                               \
	static void unit_fn_##n(void);                                        \
	__attribute__((constructor)) static void unit_reg_##n(void)           \
	{                                                                     \
		static struct unit u = { #n, unit_fn_##n, 0 };                \
		unit_register(&u);                                            \
	}                                                                     \
	static void unit_fn_##n(void)

#define EXPECT_EQ_INT(a, b)                                                   \
	do {                                                                  \
		long long a_ = (long long)(a), b_ = (long long)(b);           \
		if (a_ != b_) {                                               \
			fprintf(stderr,                                       \
				"%s:%d: EXPECT_EQ_INT(%s, %s): %lld != %lld\n", \
				__FILE__, __LINE__, #a, #b, a_, b_);          \
			unit_failed = 1;                                      \
		}                                                             \
	} while (0)

#define EXPECT_STR(a, b)                                                      \
	do {                                                                  \
		const char *a_ = (a), *b_ = (b);                              \
		if (!a_ || !b_ || strcmp(a_, b_)) {                           \
			fprintf(stderr,                                       \
				"%s:%d: EXPECT_STR(%s, %s): \"%s\" != \"%s\"\n", \
				__FILE__, __LINE__, #a, #b, a_ ? a_ : "(null)", \
				b_ ? b_ : "(null)");                          \
			unit_failed = 1;                                      \
		}                                                             \
	} while (0)

#define EXPECT_TRUE(c)                                                        \
	do {                                                                  \
		if (!(c)) {                                                   \
			fprintf(stderr, "%s:%d: EXPECT_TRUE(%s) is false\n",  \
				__FILE__, __LINE__, #c);                      \
			unit_failed = 1;                                      \
		}                                                             \
	} while (0)

#endif
