//! expect: bug assertion
//! args: --strategy=dfs
/* A seq_cst fence that comes first in the total order makes no store
 * visible: t1 fences before t0 stores anything, then reads x1's release
 * store with a relaxed load (no synchronisation) and may still read x2's
 * older value.  The fence's place against t0's seq_cst store of x2 is
 * what allows it: had the store come before the fence, the load of x2
 * after the fence would have to see it.  So the explorer must try both
 * orders of a fence and another thread's seq_cst access; it took them
 * for independent (different objects) and verified this program (the
 * weak-memory oracle's seed 86478787).  fence_early_ok.c is its twin. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef FLAG_LOAD
#define FLAG_LOAD memory_order_relaxed
#endif

static atomic_int x0, x1, x2;
static int r0, r1, r2;

static void *t0(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x2, 1, memory_order_seq_cst);
	r0 = atomic_load_explicit(&x2, memory_order_seq_cst);
	atomic_store_explicit(&x0, 1, memory_order_seq_cst);
	atomic_store_explicit(&x1, 1, memory_order_release);
	return NULL;
}

static void *t1(void *arg)
{
	(void)arg;
	atomic_thread_fence(memory_order_seq_cst);
	r1 = atomic_load_explicit(&x1, FLAG_LOAD);
	r2 = atomic_load_explicit(&x2, memory_order_relaxed);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t0, NULL);
	pthread_create(&b, NULL, t1, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(r0 == 1 && r1 == 1 && r2 == 0));
	return 0;
}
