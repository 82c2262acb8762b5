//! expect: bug assertion
/* A deadline of { LONG_MAX, 0 } never comes, and a wait on it does not
 * time out.  weft's conversion to nanoseconds overflowed to a deadline
 * long past, and the wait timed out at once (a probe's false alarm;
 * deadline_forever_ok.c).  This one waits until the epoch, long past: it
 * times out, and the caller assumes it cannot. */
#include <assert.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

static sem_t s;

static void *poster(void *a)
{
	(void)a;
	sem_post(&s);
	return NULL;
}

int main(void)
{
#ifdef OK
	struct timespec dl = { LONG_MAX, 0 };
#else
	struct timespec dl = { 0, 0 };
#endif
	pthread_t t;

	sem_init(&s, 0, 0);
	pthread_create(&t, NULL, poster, NULL);
	assert(sem_timedwait(&s, &dl) == 0);
	pthread_join(t, NULL);
	return 0;
}
