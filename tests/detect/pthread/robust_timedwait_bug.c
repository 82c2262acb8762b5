//! expect: bug assertion
//! args: --strategy=dfs
/* robust_condwait_bug.c with a timed wait: its relock too returns
 * EOWNERDEAD, over a timeout.  The correct twin is robust_timedwait_ok.c. */
#include <errno.h>
#include <pthread.h>
#include <time.h>

static int timed_wait(pthread_cond_t *c, pthread_mutex_t *mx)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 5;
	int r = pthread_cond_timedwait(c, mx, &ts);
	return r == ETIMEDOUT ? 0 : r; /* the caller waits again */
}
#define pthread_cond_wait timed_wait
#include "robust_condwait_bug.c"
