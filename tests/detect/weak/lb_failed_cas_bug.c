//! expect: verified unexplored=lb_unexplored,cas_unexplored
//! args: --strategy=dfs
/* Load buffering whose loads are failed compare-exchanges (a failed CAS is
 * a load of its failure order, relaxed here), each followed by a relaxed
 * store to the other location.  C11 allows r0 == r1 == 1 (each CAS fails
 * reading the other thread's later store).  weft verifies it saying only
 * "without a compare-exchange reading an older store", which does not
 * cover it (the values read are later stores, not older ones); the
 * "without load buffering" clause that the same program with
 * atomic_load_explicit gets (lb_plain) is missing: a failed CAS's read
 * did not arm the load-buffering check (it does now, which this test
 * checks). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef CAS_MO
#define CAS_MO memory_order_relaxed
#define ST_MO memory_order_relaxed
#endif

static atomic_int x, y;
static int r0, r1;

static int peek(atomic_int *p)
{
	int e = 7;	/* never stored: the CAS always fails, as a load */
	atomic_compare_exchange_strong_explicit(p, &e, 8, CAS_MO, CAS_MO);
	return e;
}

static void *t0(void *a)
{
	(void)a;
	r0 = peek(&x);
	atomic_store_explicit(&y, 1, ST_MO);
	return NULL;
}

static void *t1(void *a)
{
	(void)a;
	r1 = peek(&y);
	atomic_store_explicit(&x, 1, ST_MO);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t0, NULL);
	pthread_create(&b, NULL, t1, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(r0 == 1 && r1 == 1));
	return 0;
}
