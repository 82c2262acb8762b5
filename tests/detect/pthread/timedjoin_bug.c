//! expect: bug data-race
//! args: --strategy=dfs
/* main waits for the worker with pthread_timedjoin_np for a second, and
 * when the wait times out it reads the worker's result all the same: a
 * data race with the worker's write (time is virtual, so the timeout is
 * one of the explored outcomes, not a matter of luck).  The twin that
 * joins after a timeout is timedjoin_ok.c. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static int result;

static void *worker(void *arg)
{
	(void)arg;
	result = 42;
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct timespec deadline;

	pthread_create(&t, NULL, worker, NULL);
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 1;
	if (pthread_timedjoin_np(t, NULL, &deadline) == ETIMEDOUT)
		fprintf(stderr, "worker is slow\n");
	printf("result %d\n", result);
	return 0;
}
