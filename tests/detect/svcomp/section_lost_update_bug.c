//! expect: bug assertion
/* One thread increments x inside a __VERIFIER_atomic_ function, the other
 * with a separate load and store (sequentially consistent atomics: no data
 * race).  The other thread's load before the atomic function and its
 * store after lose an update, so reach_error is reachable.  The
 * exhaustive search once said verified after one schedule: the
 * reversal that puts the load first was placed inside the atomic
 * section, where it cannot run, and dropped.  Twin: section_lost_update_ok.c. */
extern void abort(void);
#include <assert.h>
void reach_error(void) { assert(0); }
#include <pthread.h>

int x;

void __VERIFIER_atomic_inc(void)
{
	int v = __atomic_load_n(&x, __ATOMIC_SEQ_CST);

	__atomic_store_n(&x, v + 1, __ATOMIC_SEQ_CST);
}

static void *t1(void *a)
{
	(void)a;
	__VERIFIER_atomic_inc();
	return 0;
}

static void *t2(void *a)
{
	int v = __atomic_load_n(&x, __ATOMIC_SEQ_CST);

	(void)a;
	__atomic_store_n(&x, v + 1, __ATOMIC_SEQ_CST);
	return 0;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, t1, 0);
	pthread_create(&b, 0, t2, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	if (!(x == 2)) {
		reach_error();
		abort();
	}
	return 0;
}
