//! expect: verified
//! args: --strategy=dfs
/* A condition variable on CLOCK_MONOTONIC (pthread_condattr_setclock)
 * waited on until a deadline one second off, taken from the right
 * clock: nobody signals, the wait times out, and main goes on.
 * deadline_clock_mix_bug.c takes the deadline from CLOCK_REALTIME, some
 * 54 years past the monotonic clock's now: the real wait hangs, and weft,
 * whose virtual clock jumped to the deadline, verified it (a probe).  A
 * deadline more than a year away never comes: the wait is an untimed
 * one, and nothing ends it, a deadlock whose report says how far off the
 * deadline is (tests/golden/deadline_clock_mix). */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>

#ifndef DEADLINE_CLOCK
#define DEADLINE_CLOCK CLOCK_MONOTONIC
#endif

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c;
static int ready;

static void *setter(void *a)
{
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_mutex_unlock(&m);
	return a;
}

int main(void)
{
	pthread_condattr_t a;
	struct timespec ts;
	pthread_t t;
	int r = 0;

	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(&c, &a);
	/* The setter never signals: only the timeout ends the wait. */
	pthread_create(&t, NULL, setter, NULL);
	clock_gettime(DEADLINE_CLOCK, &ts);
	ts.tv_sec += 1;
	pthread_mutex_lock(&m);
	while (r == 0)
		r = pthread_cond_timedwait(&c, &m, &ts);
	pthread_mutex_unlock(&m);
	assert(r == ETIMEDOUT);
	pthread_join(t, NULL);
	return 0;
}
