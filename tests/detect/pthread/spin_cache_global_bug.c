//! expect: bug livelock
//! args: --strategy=dfs
/* spin_cache_global_ok.c with a producer that sets another flag: the
 * loop waits for what no thread will do, storing the same value into its
 * cache at every round.  It was inconclusive (step-limit), the writes
 * taken for progress; it is the livelock it is. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag, other;
static int cache;

static void *producer(void *arg)
{
	(void)arg;
	atomic_store_explicit(&other, 1, memory_order_release);
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
