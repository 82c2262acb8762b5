//! expect: verified executions=5
/* The twin of unjoined_bug.c: the unjoined worker's assertion holds, so
 * every way the process can end is fine.  The end of the process conflicts
 * with each of the worker's steps (start, store, load, exit), so there is
 * one execution for each point at which the worker can be cut off: five. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int started;

static void *worker(void *arg)
{
	(void)arg;
	atomic_store(&started, 1);
	assert(atomic_load(&started) == 1);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	return 0;
}
