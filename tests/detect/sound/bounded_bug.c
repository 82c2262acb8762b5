//! expect: bug assertion
//! args: --strategy=dfs --preemption-bound=2
/* A bug that needs two preemptions (weft's own count for the failing
 * schedule is 2): a search bounded at 2 must find it.  The search with a
 * preemption bound branches on every enabled thread at every step, since
 * partial-order reduction and preemption bounds do not combine soundly in
 * general.  bounded_ok.c is the same program with an assertion that holds. */
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
	weft_assert(!(R1[0] == 1 && R0[1] == 1));
}
