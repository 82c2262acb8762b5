//! expect: bug assertion
//! args: --strategy=delay --depth=1 --iterations=3000
/* Delay-bounded scheduling (--strategy=delay) with one delay finds a lost
 * update that the threads' order alone never shows: run one after the
 * other, as the base scheduler runs them, both increments land.  One
 * delay at the step between a thread's load and its store hands the CPU
 * to the other thread, which runs its whole increment, and the first
 * store then overwrites it.  Each thread first takes and releases its own
 * lock 20 times, so the delay must fall on one step in about a hundred.
 * Twin: delay_lost_update_ok.c. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static pthread_mutex_t locks[2] = { PTHREAD_MUTEX_INITIALIZER,
				    PTHREAD_MUTEX_INITIALIZER };
static atomic_int count;

static void *worker(void *arg)
{
	pthread_mutex_t *mine = arg;

	for (int i = 0; i < 20; i++) {
		pthread_mutex_lock(mine);
		pthread_mutex_unlock(mine);
	}
	int v = atomic_load(&count);
	atomic_store(&count, v + 1); /* BUG: not one atomic step */
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, &locks[0]);
	pthread_create(&b, NULL, worker, &locks[1]);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(atomic_load(&count) == 2);
	return 0;
}
