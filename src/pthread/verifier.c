/* src/pthread/verifier.c - the SV-COMP concurrency benchmark convention.
 *
 * Programs written for the SV-COMP concurrency categories run unmodified:
 *  - __VERIFIER_nondet_<type>() is an explored choice.  Exhaustive
 *    exploration cannot enumerate a whole int, so each returns a value from
 *    a small fixed set that covers the usual boundary cases: signed types
 *    one of {0, 1, 2, -1}, unsigned types and sizes {0, 1, 2, UMAX},
 *    _Bool/bool {0, 1}, char {0, 1, -1}, pointers {NULL, a non-NULL
 *    dummy}, floating types {0, 1, -1}.  A verdict "verified" is stated for
 *    these values only.
 *  - __VERIFIER_assume(c) prunes executions where c is false.
 *  - __VERIFIER_atomic_begin/end make the enclosed code one atomic
 *    block: no other thread is scheduled while the thread inside can run
 *    (weft__atomic_begin), and no preemption at racing sites.
 *  - reach_error() and __VERIFIER_error() are `assertion` bugs (a failed
 *    assert() is one too, through __assert_fail).
 * None of these block. */
#include <limits.h>
#include <stdlib.h>

#include "pthread/pt.h"
#include "sync/sync.h"

static int pick(int n, const char *what)
{
	if (!weft__pt_live())
		return 0;
	return weft__choose(n, what, WEFT__CALLER_LOC());
}

#define SIGNED(T, name)                                                       \
	T __VERIFIER_nondet_##name(void)                                      \
	{                                                                     \
		static const T v[] = { 0, 1, 2, -1 };                         \
		return v[pick(4, "__VERIFIER_nondet_" #name)];                \
	}
#define UNSIGNED(T, name, max)                                                \
	T __VERIFIER_nondet_##name(void)                                      \
	{                                                                     \
		static const T v[] = { 0, 1, 2, max };                        \
		return v[pick(4, "__VERIFIER_nondet_" #name)];                \
	}

SIGNED(int, int)
SIGNED(long, long)
SIGNED(short, short)
SIGNED(long long, longlong)
UNSIGNED(unsigned, uint, UINT_MAX)
UNSIGNED(unsigned, unsigned, UINT_MAX)
UNSIGNED(unsigned long, ulong, ULONG_MAX)
UNSIGNED(unsigned short, ushort, USHRT_MAX)
UNSIGNED(unsigned long long, ulonglong, ULLONG_MAX)
UNSIGNED(unsigned char, uchar, UCHAR_MAX)
UNSIGNED(unsigned long, size_t, ULONG_MAX)
UNSIGNED(unsigned, u32, UINT_MAX)

char __VERIFIER_nondet_char(void)
{
	static const char v[] = { 0, 1, -1 };
	return v[pick(3, "__VERIFIER_nondet_char")];
}

_Bool __VERIFIER_nondet_bool(void)
{
	return pick(2, "__VERIFIER_nondet_bool");
}

_Bool __VERIFIER_nondet__Bool(void)
{
	return pick(2, "__VERIFIER_nondet_bool");
}

void *__VERIFIER_nondet_pointer(void)
{
	static char dummy;
	return pick(2, "__VERIFIER_nondet_pointer") ? &dummy : NULL;
}

double __VERIFIER_nondet_double(void)
{
	static const double v[] = { 0, 1, -1 };
	return v[pick(3, "__VERIFIER_nondet_double")];
}

float __VERIFIER_nondet_float(void)
{
	static const float v[] = { 0, 1, -1 };
	return v[pick(3, "__VERIFIER_nondet_float")];
}

void __VERIFIER_assume(int cond)
{
	if (!cond && weft__pt_live())
		weft__prune();
}

/* Sections are the core's atomic sections: scheduling points on one
 * section object (ordered by happens-before, both orders explored), and no
 * other thread runs while the thread inside can. */
void __VERIFIER_atomic_begin(void)
{
	if (!weft__pt_live())
		return;
	weft__atomic_begin("__VERIFIER_atomic_begin", WEFT__CALLER_LOC());
	weft__race_atomic_section(1);
}

void __VERIFIER_atomic_end(void)
{
	if (!weft__pt_live())
		return;
	weft__race_atomic_section(-1);
	weft__atomic_end("__VERIFIER_atomic_end", WEFT__CALLER_LOC());
}

void __VERIFIER_error(void)
{
	if (!weft__pt_live())
		abort();
	weft__fail("assertion", WEFT__CALLER_LOC(), "__VERIFIER_error() reached");
}
