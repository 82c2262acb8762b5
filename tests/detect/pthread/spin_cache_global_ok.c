//! expect: verified
//! args: --strategy=dfs
/* A poll loop that caches the value it polls in a global, as rigtorp's
 * SPSCQueue caches the other side's index: every round stores the same
 * value into the cache.  A plain write counted as progress, so the loop
 * was never a spin and ran on at every schedule to --max-steps:
 * inconclusive (step-limit) after the time limit, 90 s (found by a probe
 * of C++ programs).  While a thread may be spinning, a plain write is
 * progress only if it changed its word by the next scheduling point.
 * spin_cache_global_bug.c waits for a flag nobody sets. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag;
static int cache;

static void *producer(void *arg)
{
	(void)arg;
	atomic_store_explicit(&flag, 1, memory_order_release);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, producer, NULL);
	while (cache == 0)
		cache = atomic_load_explicit(&flag, memory_order_acquire);
	pthread_join(t, NULL);
	return 0;
}
