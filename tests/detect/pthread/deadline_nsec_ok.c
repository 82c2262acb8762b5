//! expect: verified
//! args: --strategy=dfs
/* A waiter builds its deadline 1.5 s from now and waits for a flag under
 * a condition variable, giving up on any error but a timeout.
 * deadline_nsec_bug.c forgets to carry the nanoseconds into the seconds:
 * glibc refuses such a deadline (EINVAL) in pthread_cond_timedwait,
 * and the program aborts in every native run; weft took the deadline
 * as valid and verified it (found by a probe of outside programs). */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void *worker(void *arg)
{
	pthread_mutex_lock(&mu);
	ready = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&mu);
	return arg;
}

static void deadline_in_ms(struct timespec *ts, long ms)
{
	clock_gettime(CLOCK_REALTIME, ts);
#ifdef UNNORMALISED
	ts->tv_nsec += ms * 1000000L;
#else
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
#endif
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&mu);
	while (!ready) {
		struct timespec dl;
		int rc;

		deadline_in_ms(&dl, 1500);
		rc = pthread_cond_timedwait(&cv, &mu, &dl);
		if (rc != 0 && rc != ETIMEDOUT)
			abort();
	}
	pthread_mutex_unlock(&mu);
	pthread_join(t, NULL);
	return 0;
}
