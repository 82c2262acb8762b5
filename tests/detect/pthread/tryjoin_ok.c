//! expect: verified
//! args: --strategy=dfs
/* The correct twin of tryjoin_bug.c: main polls with pthread_tryjoin_np
 * until it succeeds, so the worker has ended, and everything it did is
 * ordered before main's read; the worker's return value comes back. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static int result;

static void *worker(void *arg)
{
	result = 42;
	return arg;
}

int main(void)
{
	pthread_t t;
	void *ret = NULL;
	int token, rc;

	pthread_create(&t, NULL, worker, &token);
	while ((rc = pthread_tryjoin_np(t, &ret)) == EBUSY)
		sched_yield();
	assert(rc == 0 && ret == &token);
	printf("result %d\n", result);
	return 0;
}
