//! expect: verified
//! args: --strategy=dfs
/* A relaxed polling loop: a load may miss the flag's store, but not for
 * ever (C11 asks stores to become visible in a finite time), so the
 * search ends and the loop is no livelock.  The counter is a relaxed
 * read-modify-write, which always reads the latest value.
 * spin_relaxed_bug.c increments it with a load and a store instead. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int flag, count;

static void *worker(void *arg)
{
	(void)arg;
#ifdef LOAD_STORE
	atomic_store_explicit(&count, atomic_load_explicit(&count, RLX) + 1,
			      RLX);
#else
	atomic_fetch_add_explicit(&count, 1, RLX);
#endif
	atomic_store_explicit(&flag, 1, RLX);
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	while (!atomic_load_explicit(&flag, RLX))
		;
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	assert(atomic_load_explicit(&count, RLX) == 2);
	return 0;
}
