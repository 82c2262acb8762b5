//! expect: bug assertion
/* A detached thread that yields first: main returns at once, but the
 * thread may still run before the process ends.  detached_ok.c is the
 * correct twin. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>

static void *worker(void *arg)
{
	(void)arg;
	sched_yield();
	assert(!"the detached worker ran");
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_detach(t);
	return 0;
}
