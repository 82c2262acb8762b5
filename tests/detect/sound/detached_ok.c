//! expect: verified
/* The twin of detached_bug.c: the detached worker's assertion holds. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>

static int ran;

static void *worker(void *arg)
{
	(void)arg;
	sched_yield();
	ran = 1;
	assert(ran == 1);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_detach(t);
	return 0;
}
