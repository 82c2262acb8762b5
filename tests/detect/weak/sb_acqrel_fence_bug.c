//! expect: bug assertion
//! args: --strategy=dfs
/* sb_fence_ok.c with acq_rel fences: they order nothing between a
 * thread's own store and its later load of another location, so both
 * loads can still read 0.  Only seq_cst fences forbid it. */
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
	atomic_thread_fence(memory_order_acq_rel);
	r1 = atomic_load_explicit(&y, RLX);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	atomic_store_explicit(&y, 1, RLX);
	atomic_thread_fence(memory_order_acq_rel);
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
