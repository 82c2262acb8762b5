//! expect: verified
//! args: --strategy=dfs
/* The correct twin of timedwait_spurious_bug.c: the timed wait is in a
 * loop on the predicate, so a spurious return of 0 only waits again, and
 * a timeout is an answer of its own (the caller gives up, as a program
 * with a deadline does).  Both outcomes of a wakeup without a signal are
 * explored: a spurious one (0) and a timeout (ETIMEDOUT). */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;

static void *producer(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t p;
	struct timespec ts;
	int r = 0;

	pthread_create(&p, NULL, producer, NULL);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 5;
	pthread_mutex_lock(&m);
	while (!ready && r != ETIMEDOUT)
		r = pthread_cond_timedwait(&c, &m, &ts);
	/* Without a timeout the predicate holds, whatever woke the wait. */
	assert(r == ETIMEDOUT || (r == 0 && ready));
	pthread_mutex_unlock(&m);
	pthread_join(p, NULL);
	return 0;
}
