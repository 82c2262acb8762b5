//! expect: bug assertion
//! args: --strategy=dfs
/* The twin of spin_relaxed_ok.c with the counter incremented by a relaxed
 * load and a relaxed store instead of one read-modify-write: two workers
 * can load the same value (or a stale one), and an increment is lost. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int flag, count;

static void *worker(void *arg)
{
	(void)arg;
	atomic_store_explicit(&count, atomic_load_explicit(&count, RLX) + 1,
			      RLX);
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
