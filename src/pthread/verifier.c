/* src/pthread/verifier.c - the SV-COMP concurrency benchmark convention.
 *
 * Programs written for the SV-COMP concurrency categories run unmodified:
 *  - __VERIFIER_nondet_<type>() is an explored choice.  Exhaustive
 *    exploration cannot enumerate a whole int, so each returns a value from
 *    a small fixed set that covers the usual boundary cases: signed types
 *    one of {0, 1, 2, -1}, unsigned types and sizes {0, 1, 2, UMAX},
 *    _Bool/bool {0, 1}, char {0, 1, -1}, pointers {NULL, a non-NULL
 *    dummy} (pchar: {NULL, an empty string}), floating types {0, 1, -1}.
 *    Every name of SV-COMP's list is defined (int128 and uint128 where
 *    the compiler has the type), and those of the Linux driver tasks
 *    (u8, u16, u64, loff_t, sector_t).  A program that defines one itself
 *    keeps its own, whose values weft does not choose: verifier_fn.c
 *    notes it with the verdict.  A verdict holds for these values
 *    only, and says so: the first draw of each type in an execution states
 *    its set through weft__verdict_note, which the report lists with the
 *    verdict ("note: nondet values: ...").
 *  - __VERIFIER_assume(c) prunes executions where c is false, and so does
 *    abort() in a program that follows the convention, whether called from
 *    the idiom assume_abort_if_not(c) or inline, `if (!(c)) abort();`
 *    (main.c).
 *  - __VERIFIER_atomic_begin/end make the enclosed code one atomic
 *    block: no other thread is scheduled while the thread inside can run
 *    (weft__atomic_begin), and no preemption at racing sites.  So does a
 *    call of any function of the program whose name starts with
 *    __VERIFIER_atomic_ (verifier_fn.c).
 *  - Calling reach_error() is the property violation, an `assertion` bug
 *    at the call, whatever its body does (often nothing, then abort():
 *    verifier_fn.c); so are __VERIFIER_error() and a failed assert()
 *    (__assert_fail, main.c).
 * None of these block. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "pthread/pt.h"

#define RA() ((uintptr_t)__builtin_return_address(0))

/* ---- nondeterministic values --------------------------------------------- */

/* weft__verdict_note keys of the value sets: NOTE_KEY + kind. */
#define NOTE_KEY 0x4e4f4e4445540000ull

static uint64_t drawn; /* kinds drawn in this execution, one bit each */

/* The i-th literal of values' "{a,b,...}", for the trace: the choice's
 * index alone would not say which value the program got.  Interned, so
 * the report (another process) can read it. */
static const char *value_label(const char *values, int i)
{
	const char *p = strchr(values, '{'), *end;

	if (!p)
		return NULL;
	for (p++; i > 0 && (p = strchr(p, ',')); i--)
		p++;
	if (!p || !(end = strpbrk(p, ",}")))
		return NULL;
	return weft__internf("%.*s", (int)(end - p), p);
}

/* ra: the return address into the program, for the trace. */
static int pick(int n, int kind, const char *what, const char *values,
		uintptr_t ra)
{
	int i;

	if (!weft__pt_live())
		return 0;
	if (!(drawn >> kind & 1)) {
		drawn |= 1ull << kind;
		weft__verdict_note(NOTE_KEY + (uint64_t)kind, values);
		weft__verdict_inputs_sampled();
	}
	i = weft__choose(n, what, weft__pc_loc(ra));
	weft__step_note(value_label(values, i));
	return i;
}

/* The wider sets, for a search taken again because every execution of
 * the first failed an assumption on the boundary values (an `assume(5 <=
 * n && n <= 10)`: weft__nondet_wide): small counts and a few powers of
 * two, with -1 (or the type's maximum). */
#define WIDE_LIST 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 20, 32, 64, 100
#define WIDE_TEXT "0,1,2,3,4,5,6,7,8,9,10,16,20,32,64,100"
#define WIDE_N 17

#define SIGNED(T, name, kind)                                                 \
	T __VERIFIER_nondet_##name(void)                                      \
	{                                                                     \
		static const T v[] = { 0, 1, 2, -1 };                         \
		static const T w[] = { WIDE_LIST, -1 };                       \
		if (weft__nondet_wide)                                        \
			return w[pick(WIDE_N, kind + 32,                      \
				      "__VERIFIER_nondet_" #name,             \
				      "nondet values, taken again wider: "    \
				      "__VERIFIER_nondet_" #name              \
				      "() from {" WIDE_TEXT ",-1}",           \
				      RA())];                                 \
		weft__nondet_widenable = 1;                                   \
		return v[pick(4, kind, "__VERIFIER_nondet_" #name,            \
			      "nondet values: __VERIFIER_nondet_" #name       \
			      "() from {0,1,2,-1}",                           \
			      RA())];                                         \
	}
#define UNSIGNED(T, name, max, kind)                                          \
	T __VERIFIER_nondet_##name(void)                                      \
	{                                                                     \
		static const T v[] = { 0, 1, 2, max };                        \
		static const T w[] = { WIDE_LIST, max };                      \
		if (weft__nondet_wide)                                        \
			return w[pick(WIDE_N, kind + 32,                      \
				      "__VERIFIER_nondet_" #name,             \
				      "nondet values, taken again wider: "    \
				      "__VERIFIER_nondet_" #name              \
				      "() from {" WIDE_TEXT "," #max "}",     \
				      RA())];                                 \
		weft__nondet_widenable = 1;                                   \
		return v[pick(4, kind, "__VERIFIER_nondet_" #name,            \
			      "nondet values: __VERIFIER_nondet_" #name       \
			      "() from {0,1,2," #max "}",                     \
			      RA())];                                         \
	}

SIGNED(int, int, 0)
SIGNED(long, long, 1)
SIGNED(short, short, 2)
SIGNED(long long, longlong, 3)
UNSIGNED(unsigned, uint, UINT_MAX, 4)
UNSIGNED(unsigned, unsigned, UINT_MAX, 5)
UNSIGNED(unsigned long, ulong, ULONG_MAX, 6)
UNSIGNED(unsigned short, ushort, USHRT_MAX, 7)
UNSIGNED(unsigned long long, ulonglong, ULLONG_MAX, 8)
UNSIGNED(unsigned char, uchar, UCHAR_MAX, 9)
UNSIGNED(unsigned long, size_t, ULONG_MAX, 10)
UNSIGNED(unsigned, u32, UINT_MAX, 11)
/* The names Linux driver tasks (ldv) and newer SV-COMP tasks use. */
UNSIGNED(unsigned char, u8, UCHAR_MAX, 17)
UNSIGNED(unsigned short, u16, USHRT_MAX, 18)
UNSIGNED(unsigned long long, u64, ULLONG_MAX, 19)
SIGNED(long long, loff_t, 20)
UNSIGNED(unsigned long, sector_t, ULONG_MAX, 21)
UNSIGNED(pthread_t, pthread_t, ULONG_MAX, 22)
#ifdef __SIZEOF_INT128__
#define UINT128_MAX (~(unsigned __int128)0)
SIGNED(__int128, int128, 23)
UNSIGNED(unsigned __int128, uint128, UINT128_MAX, 24)
#endif

char __VERIFIER_nondet_char(void)
{
	static const char v[] = { 0, 1, -1 };
	return v[pick(3, 12, "__VERIFIER_nondet_char",
		      "nondet values: __VERIFIER_nondet_char() from {0,1,-1}",
		      RA())];
}

_Bool __VERIFIER_nondet_bool(void)
{
	return pick(2, 13, "__VERIFIER_nondet_bool",
		    "nondet values: __VERIFIER_nondet_bool() from {0,1}", RA());
}

_Bool __VERIFIER_nondet__Bool(void)
{
	return pick(2, 13, "__VERIFIER_nondet_bool",
		    "nondet values: __VERIFIER_nondet_bool() from {0,1}", RA());
}

void *__VERIFIER_nondet_pointer(void)
{
	static char dummy;
	return pick(2, 14, "__VERIFIER_nondet_pointer",
		    "nondet values: __VERIFIER_nondet_pointer() from {NULL, "
		    "one non-NULL pointer}",
		    RA())
		       ? &dummy
		       : NULL;
}

/* A char pointer: NULL, or an empty string the program may read. */
char *__VERIFIER_nondet_pchar(void)
{
	static char empty[1];
	return pick(2, 25, "__VERIFIER_nondet_pchar",
		    "nondet values: __VERIFIER_nondet_pchar() from {NULL, "
		    "an empty string}",
		    RA())
		       ? empty
		       : NULL;
}

double __VERIFIER_nondet_double(void)
{
	static const double v[] = { 0, 1, -1 };
	return v[pick(3, 15, "__VERIFIER_nondet_double",
		      "nondet values: __VERIFIER_nondet_double() from {0,1,-1}",
		      RA())];
}

float __VERIFIER_nondet_float(void)
{
	static const float v[] = { 0, 1, -1 };
	return v[pick(3, 16, "__VERIFIER_nondet_float",
		      "nondet values: __VERIFIER_nondet_float() from {0,1,-1}",
		      RA())];
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
}

void __VERIFIER_atomic_end(void)
{
	if (!weft__pt_live())
		return;
	weft__atomic_end("__VERIFIER_atomic_end", WEFT__CALLER_LOC());
}

/* Called from reach_error's body, it reports reach_error's call. */
void __VERIFIER_error(void)
{
	if (!weft__pt_live())
		abort();
	if (weft__pt_in_reach_error(RA()))
		weft__pt_reach_error(RA(), 0);
	weft__fail(WEFT__K(ASSERTION), WEFT__CALLER_LOC(),
		   "__VERIFIER_error() reached");
}

void weft__pthread_verifier_begin(void)
{
	drawn = 0;
}
