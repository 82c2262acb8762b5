//! expect: verified
//! args: --strategy=dfs --stale-bound=2
/* A test-and-test-and-set lock (relaxed polling, acquire exchange,
 * release unlock) searched with --stale-bound=2: every execution in which
 * at most two loads read an older store than the latest.  Unbounded, each
 * poll after a new store may read a stale value, and the search runs to
 * more than 300,000 schedules (1,680 under sequential consistency); with
 * the bound it ends, and the verdict says which bound it holds for.
 * ttas_bounded_bug.c unlocks with a relaxed store. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef UNLOCK
#define UNLOCK memory_order_release
#endif

static atomic_int lk;
static int counter;

static void lock(void)
{
	for (;;) {
		while (atomic_load_explicit(&lk, memory_order_relaxed))
			;
		if (!atomic_exchange_explicit(&lk, 1, memory_order_acquire))
			return;
	}
}

static void unlock(void)
{
	atomic_store_explicit(&lk, 0, UNLOCK);
}

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2; i++) {
		lock();
		counter++;
		unlock();
	}
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	assert(counter == 4);
	return 0;
}
