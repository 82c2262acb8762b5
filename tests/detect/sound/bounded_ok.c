//! expect: verified
//! args: --strategy=dfs --preemption-bound=2
/* The twin of bounded_bug.c, with an assertion that holds on every
 * schedule: T0 reads x after both of its own stores, and whatever T1 did
 * in between leaves x at 1 or 2. */
#include <weft/weft.h>

static weft_atomic_t x[1];
static weft_mutex_t m[3] = { WEFT_MUTEX_INIT, WEFT_MUTEX_INIT, WEFT_MUTEX_INIT };
static weft_cond_t c[2] = { WEFT_COND_INIT, WEFT_COND_INIT };
static weft_atomic_t f[2];
static long R0[2], R1[2];

static void T0(void *arg)
{
	(void)arg;
	R0[0] = weft_atomic_load(&x[0]);
	weft_atomic_store(&x[0], 1);
	weft_atomic_store(&x[0], 2);
	weft_mutex_lock(&m[0]);
	while (weft_atomic_load(&f[1]) == 0)
		weft_cond_wait(&c[1], &m[0]);
	weft_mutex_unlock(&m[0]);
	R0[1] = weft_atomic_load(&x[0]);
}

static void T1(void *arg)
{
	long e = 2;
	int ok;

	(void)arg;
	weft_mutex_lock(&m[0]);
	weft_atomic_store(&f[1], 1);
	weft_cond_signal(&c[1]);
	weft_mutex_unlock(&m[0]);
	ok = weft_atomic_cas(&x[0], &e, 1);
	R1[0] = ok ? 10 + 2 : e;
	weft_mutex_lock(&m[0]);
	weft_atomic_store(&f[0], 1);
	weft_cond_signal(&c[0]);
	weft_mutex_unlock(&m[0]);
	R1[1] = weft_atomic_exchange(&x[0], 1);
}

WEFT_TEST(bounded2)
{
	weft_thread_t th[2];

	th[0] = weft_spawn(T0, 0);
	th[1] = weft_spawn(T1, 0);
	weft_join(th[0]);
	weft_join(th[1]);
	weft_assert(R0[1] == 1 || R0[1] == 2);
}
