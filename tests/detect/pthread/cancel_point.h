/* tests/detect/pthread/cancel_point.h - the frame of the cancel_point_*
 * pairs: a worker locks a mutex, makes one call POSIX (or glibc) makes a
 * cancellation point, POINT(), and unlocks; main cancels it, joins it
 * and takes the mutex.  glibc acts on the pending request as the call
 * begins, whatever the call then does (it need not wait, or even
 * succeed), so the worker ends holding the mutex and main hangs: natively
 * every _bug hangs once the request comes first.  The _ok twin (OK)
 * unlocks in a cleanup handler.  SETUP() runs in main before the worker
 * starts. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock(void *p)
{
	pthread_mutex_unlock(p);
}

static void *worker(void *a)
{
	(void)unlock;
	pthread_mutex_lock(&m);
#ifdef OK
	pthread_cleanup_push(unlock, &m);
#endif
	POINT();
#ifdef OK
	pthread_cleanup_pop(0);
#endif
	pthread_mutex_unlock(&m);
	return a;
}

int main(void)
{
	pthread_t t;

	SETUP();
	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	pthread_join(t, NULL);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	return 0;
}
