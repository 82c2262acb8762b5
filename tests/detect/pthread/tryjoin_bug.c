//! expect: bug data-race
//! args: --strategy=dfs
/* main asks with pthread_tryjoin_np whether the worker has ended and,
 * when it has not (EBUSY), reads the worker's progress without a lock
 * before joining it: that read races with the worker's write.  The twin
 * that reads only after a successful join is tryjoin_ok.c. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

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

	pthread_create(&t, NULL, worker, NULL);
	if (pthread_tryjoin_np(t, NULL) == EBUSY) {
		printf("still running, result so far %d\n", result);
		pthread_join(t, NULL);
	}
	printf("result %d\n", result);
	return 0;
}
