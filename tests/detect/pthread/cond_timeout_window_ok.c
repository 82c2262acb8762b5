//! expect: pass
//! args: --strategy=random --iterations=20000
/* A timed waiter that got a signal passes it on (it was for the other
 * waiter).  glibc never loses the signal: one that comes while a timed-out
 * waiter is still leaving its wait is passed on by glibc itself
 * (__condvar_cancel_waiting: consumed_signal -> pthread_cond_signal).
 * weft: after the timed waiter's wakeup step (no signal), its choice
 * "timed wakeup is spurious" was a scheduling point of its own, and until
 * it the waiter still counted as blocked and unsignalled: the signal
 * could choose it, then the choice said "timed out", the flag was
 * cleared, and the signal was lost: a false deadlock of `other` that
 * random schedules found and the exhaustive search did not (a review).
 * The choice is now the wakeup step's own. */
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;

static void *timed(void *a)
{
	struct timespec d;

	(void)a;
	clock_gettime(CLOCK_REALTIME, &d);
	d.tv_sec += 1;
	pthread_mutex_lock(&m);
	if (pthread_cond_timedwait(&c, &m, &d) == 0)
		pthread_cond_signal(&c); /* not mine: pass it on */
	pthread_mutex_unlock(&m);
	return NULL;
}

static void *other(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	while (!ready)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, timed, NULL);
	pthread_create(&b, NULL, other, NULL);
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
