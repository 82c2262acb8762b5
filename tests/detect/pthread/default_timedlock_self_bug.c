//! expect: bug deadlock
//! args: --strategy=dfs
/* A timed lock of a default mutex (its type never set) that the caller
 * holds: POSIX leaves it undefined (glibc times out, FreeBSD's default
 * mutex returns EDEADLK), so weft reports the relock as a deadlock.  The
 * explicitly normal mutex times out instead (normal_timedlock_self_*);
 * the correct twin, default_timedlock_self_ok.c, does not relock. */
#include <errno.h>
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

int main(void)
{
	struct timespec ts;

	pthread_mutex_lock(&m);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
#ifdef OK
	pthread_mutex_unlock(&m);
#endif
	if (pthread_mutex_timedlock(&m, &ts) == 0)
		pthread_mutex_unlock(&m);
#ifndef OK
	pthread_mutex_unlock(&m);
#endif
	return 0;
}
