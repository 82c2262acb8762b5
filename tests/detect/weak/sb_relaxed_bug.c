//! expect: bug assertion
//! args: --strategy=dfs
/* Store buffering (SB) with relaxed atomics: each thread stores its flag
 * and then reads the other's.  Both can read 0 (a store sits in its
 * processor's store buffer while the load goes ahead; C11 allows it for
 * any order weaker than seq_cst).  Dekker's and Peterson's entry
 * protocols fail this way without seq_cst or a fence.  The other sb_*
 * tests define the orders and the fence and include this file. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef ST
#define ST memory_order_relaxed
#endif
#ifndef LD
#define LD memory_order_relaxed
#endif
#ifndef FENCE
#define FENCE() ((void)0)
#endif

static atomic_int x, y;
static int r1, r2;

static void *t1(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, ST);
	FENCE();
	r1 = atomic_load_explicit(&y, LD);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	atomic_store_explicit(&y, 1, ST);
	FENCE();
	r2 = atomic_load_explicit(&x, LD);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(r1 == 0 && r2 == 0));
	return 0;
}
