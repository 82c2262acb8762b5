//! expect: verified
/* A sleep is a cancellation point.  The worker sleeps while it holds the
 * lock, so a request that comes then would end it with the lock held;
 * it disables cancellation around the critical section, and acts on a
 * request at its pthread_testcancel outside it.  cancel_point_bug.c
 * leaves cancellation enabled: in the schedules where the request comes
 * before the sleep, main's lock after the join blocks for ever. */
#include <assert.h>
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int rounds;

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2; i++) {
#ifndef CANCEL_POINT_BUG
		int old;
		pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
#endif
		pthread_mutex_lock(&m);
		usleep(100);
		rounds++;
		pthread_mutex_unlock(&m);
#ifndef CANCEL_POINT_BUG
		pthread_setcancelstate(old, NULL);
#endif
		pthread_testcancel();
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	void *r;

	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	pthread_join(t, &r);
	pthread_mutex_lock(&m);
	assert(r == PTHREAD_CANCELED ? rounds <= 2 : rounds == 2);
	pthread_mutex_unlock(&m);
	return 0;
}
