//! expect: bug assertion
/* main creates a thread and returns without joining it.  In a real
 * process the thread may run before main's return ends the process, so
 * its failing assertion is reachable: the end of the process is a step
 * that conflicts with every thread's next step, and threads still able to
 * run must be tried before it.  unjoined_ok.c is the correct twin. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int started;

static void *worker(void *arg)
{
	(void)arg;
	atomic_store(&started, 1);
	assert(!"the worker ran before the process ended");
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	return 0;
}
