//! expect: bug assertion
/* A waiter gives a semaphore 3 s that nobody posts; a reader reads the
 * clock once, and main takes the reading for within 2 s of the start.
 * The reader may run after the timeout (a loaded machine), 3 s on.  A
 * timed wait that timed out moved the clock with no step of its own, so
 * the reader was never run after it and this was verified (a review's
 * probe); a sleep's end was already a step.  timeout_clock_ok.c takes
 * the reading for no earlier than the start. */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

static sem_t s;
static long long r0, r;

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void *waiter(void *a)
{
	struct timespec dl;

	(void)a;
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += 3;
	sem_timedwait(&s, &dl);
	return NULL;
}

static void *reader(void *a)
{
	(void)a;
	r = now_ns();
	return NULL;
}

int main(void)
{
	pthread_t x, y;

	sem_init(&s, 0, 0);
	r0 = now_ns();
	pthread_create(&x, NULL, waiter, NULL);
	pthread_create(&y, NULL, reader, NULL);
	pthread_join(x, NULL);
	pthread_join(y, NULL);
#ifdef FIXED
	assert(r >= r0);
#else
	assert(r - r0 < 2000000000LL);
#endif
	return 0;
}
