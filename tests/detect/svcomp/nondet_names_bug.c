//! expect: bug assertion
//! args: strategy=dfs
/* The nondet names of Linux driver tasks and the rest of SV-COMP's list
 * (u8, u16, u64, loff_t, sector_t, pchar, pthread_t, int128, uint128)
 * were not defined: such a program did not link.  A worker indexes a
 * 16-byte table by a __VERIFIER_nondet_u8() it checks against nothing,
 * and the program asserts the index is in range; weft draws UCHAR_MAX.
 * nondet_names_ok.c assumes the index in range. */
#include <pthread.h>

extern void abort(void);
extern void __assert_fail(const char *, const char *, unsigned int,
			  const char *) __attribute__((__nothrow__, __leaf__))
__attribute__((__noreturn__));
void reach_error() { __assert_fail("0", "nondet_names.c", 3, "reach_error"); }
void __VERIFIER_assert(int cond) { if (!cond) { reach_error(); abort(); } }
extern void __VERIFIER_assume(int);

extern unsigned char __VERIFIER_nondet_u8(void);
extern unsigned short __VERIFIER_nondet_u16(void);
extern unsigned long long __VERIFIER_nondet_u64(void);
extern long long __VERIFIER_nondet_loff_t(void);
extern unsigned long __VERIFIER_nondet_sector_t(void);
extern char *__VERIFIER_nondet_pchar(void);
extern pthread_t __VERIFIER_nondet_pthread_t(void);
extern __int128 __VERIFIER_nondet_int128(void);
extern unsigned __int128 __VERIFIER_nondet_uint128(void);

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int table[16];

void *worker(void *arg)
{
	unsigned char i = __VERIFIER_nondet_u8();

	(void)arg;
#ifdef OK
	__VERIFIER_assume(i < 16);
#endif
	__VERIFIER_assert(i < 16);
	pthread_mutex_lock(&m);
	table[i % 16]++;
	pthread_mutex_unlock(&m);
	return 0;
}

int main()
{
	pthread_t t;
	char *p = __VERIFIER_nondet_pchar();

	/* Each draws from its type's boundary set (the assumptions keep the
	 * first value only, so that the search stays small), and all are
	 * defined: the 128-bit ones are only referred to, since a report
	 * lists at most eight notes of nondet values. */
	__int128 (*volatile s128)(void) = __VERIFIER_nondet_int128;
	unsigned __int128 (*volatile u128)(void) = __VERIFIER_nondet_uint128;

	__VERIFIER_assume(s128 && u128);
	__VERIFIER_assume(!p);
	__VERIFIER_assume(__VERIFIER_nondet_u16() == 0);
	__VERIFIER_assume(__VERIFIER_nondet_u64() == 0);
	__VERIFIER_assume(__VERIFIER_nondet_loff_t() == 0);
	__VERIFIER_assume(__VERIFIER_nondet_sector_t() == 0);
	__VERIFIER_assume(__VERIFIER_nondet_pthread_t() == 0);
	pthread_create(&t, 0, worker, 0);
	pthread_mutex_lock(&m);
	table[0]++;
	pthread_mutex_unlock(&m);
	pthread_join(t, 0);
	return 0;
}
