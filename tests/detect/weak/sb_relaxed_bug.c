//! expect: bug assertion
//! args: --strategy=dfs
/* Store buffering (SB) with relaxed atomics: each thread stores its flag
 * and then reads the other's.  Both can read 0 (a store sits in its
 * processor's store buffer while the load goes ahead; C11 allows it for
 * any order weaker than seq_cst).  Dekker's and Peterson's entry
 * protocols fail this way without seq_cst or a fence. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int x, y;
static int r1, r2;

static void *t1(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, RLX);
	r1 = atomic_load_explicit(&y, RLX);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	atomic_store_explicit(&y, 1, RLX);
	r2 = atomic_load_explicit(&x, RLX);
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
