//! expect: bug assertion
//! args: --strategy=dfs
/* Store buffering across read-modify-writes on two different variables.
 * C11 lets both loads read 0 even when the RMWs are seq_cst: a seq_cst
 * RMW orders the relaxed accesses around it with nothing (only a fence
 * would).  GCC's legacy __sync RMWs are full barriers ("no memory operand
 * is moved across the operation, either forward or backward"), so with
 * them (the ok twin) 0/0 is impossible; weft took them for C11 seq_cst
 * RMWs, the same call of the thread instrumentation, and reported a
 * false assertion failure. */
#include <assert.h>
#include <pthread.h>

#ifdef OK
#define RMW(p) __sync_fetch_and_add((p), 1)
#else
#define RMW(p) __atomic_fetch_add((p), 1, __ATOMIC_SEQ_CST)
#endif

static int x, y, a, b;
static int r1, r2;

static void *t1(void *arg)
{
	(void)arg;
	__atomic_store_n(&x, 1, __ATOMIC_RELAXED);
	RMW(&a);
	r1 = __atomic_load_n(&y, __ATOMIC_RELAXED);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	__atomic_store_n(&y, 1, __ATOMIC_RELAXED);
	RMW(&b);
	r2 = __atomic_load_n(&x, __ATOMIC_RELAXED);
	return NULL;
}

int main(void)
{
	pthread_t ta, tb;

	pthread_create(&ta, NULL, t1, NULL);
	pthread_create(&tb, NULL, t2, NULL);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert(!(r1 == 0 && r2 == 0));
	return 0;
}
