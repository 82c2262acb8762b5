//! expect: verified
/* A condition variable on CLOCK_MONOTONIC (pthread_condattr_setclock), as
 * code that must not jump with the wall clock uses: its timed wait's
 * deadline is a monotonic time.  The attribute was ignored, the deadline
 * read as a CLOCK_REALTIME time long past, and every wait timed out at
 * once: the check that the timeout came no earlier than the deadline
 * failed.  cond_monotonic_bug.c waits for a flag and forgets that the
 * wait may time out first. */
#define _GNU_SOURCE
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv;
static int flag;

static void *setter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	flag = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_condattr_t ca;
	struct timespec start, deadline;
	pthread_t t;
	int r = 0;

	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&cv, &ca);
	pthread_create(&t, NULL, setter, NULL);
	clock_gettime(CLOCK_MONOTONIC, &start);
	deadline = start;
	deadline.tv_nsec += 50 * 1000 * 1000;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&m);
	while (!flag && r != ETIMEDOUT)
		r = pthread_cond_timedwait(&cv, &m, &deadline);
#ifdef BUG
	assert(flag);
#else
	if (r == ETIMEDOUT) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		assert(now.tv_sec > deadline.tv_sec ||
		       (now.tv_sec == deadline.tv_sec &&
			now.tv_nsec >= deadline.tv_nsec));
	}
#endif
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	return 0;
}
