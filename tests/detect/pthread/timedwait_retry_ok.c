//! expect: verified
/* The usual timed wait: a retry loop around pthread_cond_timedwait with a
 * deadline one second ahead.  Every timeout is a real possibility, but a
 * loop that times out forever while the signalling thread never starts
 * is not a schedule worth exploring: a timeout counts as a poll that saw
 * nothing new, so the other threads run before the next one (it used to
 * end in the step limit, inconclusive).  Twin: timedwait_retry_bug.c. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready, value;

static void *worker(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	value = 42;
	ready = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int seen;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&m);
	while (!ready) {
		struct timespec ts;
		int r;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		r = pthread_cond_timedwait(&c, &m, &ts);
		assert(r == 0 || r == ETIMEDOUT);
	}
	seen = value;
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	assert(seen == 42);
	printf("ok %d\n", seen);
	return 0;
}
