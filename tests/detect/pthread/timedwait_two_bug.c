//! expect: bug livelock
//! args: --strategy=dfs --iterations=3000000
/* Two threads wait in the usual retry loop around
 * pthread_cond_timedwait for a flag main sets.  The bug: main broadcasts
 * without setting the flag (SET_FLAG), so the waiters time out for ever.
 * timedwait_two_ok.c sets it.  The two waiters timing out in turn counted
 * each other's relocks and wakeups as progress, so neither was deferred
 * and the correct program ended in the step limit, inconclusive (a
 * probe); a round of the loop is now no news (weft__step_no_progress). */
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int done;

static void *waiter(void *arg)
{
	pthread_mutex_lock(&m);
	while (!done) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		pthread_cond_timedwait(&c, &m, &ts);
	}
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, waiter, NULL);
	pthread_mutex_lock(&m);
#ifdef SET_FLAG
	done = 1;
#endif
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
