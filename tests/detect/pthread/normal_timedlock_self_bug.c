//! expect: bug assertion
//! args: --strategy=dfs
/* A timed lock of a PTHREAD_MUTEX_NORMAL mutex the caller already holds
 * waits until the deadline and returns ETIMEDOUT (POSIX, glibc); weft
 * reported a deadlock.  This program assumes the timed lock succeeded;
 * its correct twin, normal_timedlock_self_ok.c, expects the timeout.  A
 * mutex whose type the program never set (the default) still reports the
 * relock as a deadlock: POSIX leaves it undefined. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>

#ifdef OK
#define WANT ETIMEDOUT
#else
#define WANT 0
#endif

static pthread_mutex_t m;

int main(void)
{
	pthread_mutexattr_t at;
	struct timespec ts;
	int r;

	pthread_mutexattr_init(&at);
	pthread_mutexattr_settype(&at, PTHREAD_MUTEX_NORMAL);
	pthread_mutex_init(&m, &at);
	pthread_mutex_lock(&m);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
	r = pthread_mutex_timedlock(&m, &ts);
	assert(r == WANT);
	pthread_mutex_unlock(&m);
	return 0;
}
