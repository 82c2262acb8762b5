//! expect: verified
//! args: --strategy=dfs
/* The correct twin of timedjoin_bug.c: after a timed-out
 * pthread_timedjoin_np, main joins the worker for good before it reads
 * the result.  A timeout happens at the deadline on the virtual clock, so
 * the clock has reached it by then; a deadline already past times out at
 * once. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <assert.h>
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
	struct timespec deadline, now, past = { 0, 0 };
	int rc;

	pthread_create(&t, NULL, worker, NULL);
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 1;
	rc = pthread_timedjoin_np(t, NULL, &deadline);
	if (rc == ETIMEDOUT) {
		clock_gettime(CLOCK_REALTIME, &now);
		assert(now.tv_sec > deadline.tv_sec ||
		       (now.tv_sec == deadline.tv_sec &&
			now.tv_nsec >= deadline.tv_nsec));
		rc = pthread_timedjoin_np(t, NULL, &past);
		assert(rc == 0 || rc == ETIMEDOUT);
		if (rc == ETIMEDOUT)
			rc = pthread_join(t, NULL);
	}
	assert(rc == 0);
	assert(result == 42);
	printf("result %d\n", result);
	return 0;
}
