//! expect: verified
//! args: --strategy=dfs
/* The waits with a deadline on a chosen clock (glibc 2.30, POSIX 2024):
 * pthread_mutex_clocklock, pthread_rwlock_clockrdlock and _clockwrlock,
 * pthread_cond_clockwait and sem_clockwait.  weft did not intercept the
 * first four locks and sem_clockwait, so glibc's own code ran on weft's
 * lock objects and the program below was reported as misuse ("unlock of
 * m by main, but ? holds it").  Each call treats its timeout as an
 * answer; a clock glibc does not wait on is EINVAL.
 * Twin: clocklock_bug.c. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static sem_t done;
static int counter, table, ready;

static void deadline(clockid_t clk, struct timespec *ts)
{
	clock_gettime(clk, ts);
	ts->tv_sec += 1;
}

static void *worker(void *a)
{
	struct timespec ts;

	(void)a;
	deadline(CLOCK_MONOTONIC, &ts);
	if (pthread_rwlock_clockwrlock(&rw, CLOCK_MONOTONIC, &ts) == 0) {
		table++;
		pthread_rwlock_unlock(&rw);
	}
	pthread_mutex_lock(&m);
	counter++;
	ready = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	sem_post(&done);
	return NULL;
}

int main(void)
{
	struct timespec ts, rts;
	pthread_t t;
	int r;

	sem_init(&done, 0, 0);
	deadline(CLOCK_MONOTONIC, &ts);
	deadline(CLOCK_REALTIME, &rts);
	assert(pthread_mutex_clocklock(&m, CLOCK_PROCESS_CPUTIME_ID, &ts) ==
	       EINVAL);
	assert(pthread_rwlock_clockrdlock(&rw, CLOCK_BOOTTIME, &ts) == EINVAL);
	pthread_create(&t, NULL, worker, NULL);

	r = pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, &ts);
	if (r == 0) {
		counter++;
		/* Wait for the worker's signal, giving up at the deadline. */
		while (!ready && r != ETIMEDOUT)
			r = pthread_cond_clockwait(&c, &m, CLOCK_MONOTONIC,
						   &ts);
		assert(ready || r == ETIMEDOUT);
		pthread_mutex_unlock(&m);
	} else {
		assert(r == ETIMEDOUT);
	}

	r = pthread_rwlock_clockrdlock(&rw, CLOCK_REALTIME, &rts);
	if (r == 0) {
		assert(table == 0 || table == 1);
		pthread_rwlock_unlock(&rw);
	} else {
		assert(r == ETIMEDOUT);
	}

	if (sem_clockwait(&done, CLOCK_MONOTONIC, &ts) == 0) {
		assert(ready);
	} else {
		assert(errno == ETIMEDOUT);
	}
	pthread_join(t, NULL);
	assert(ready && counter >= 1);
	return 0;
}
