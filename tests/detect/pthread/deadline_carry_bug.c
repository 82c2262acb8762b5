//! expect: bug assertion
/* A deadline built as now + 600 ms without carrying the nanoseconds into
 * the seconds: whenever the clock's nanoseconds are 400,000,000 or more
 * it is invalid, sem_timedwait fails with EINVAL, and this caller takes
 * that for a successful wait.  Natively it fails 60% of the time.  weft's
 * clocks started at a whole second in every execution, so the deadline
 * was always valid and the program was verified (a probe); they start
 * 1 ms before one now.  deadline_carry_ok.c carries. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

static sem_t s;
static int produced;

static void *producer(void *a)
{
	(void)a;
	produced = 1;
	sem_post(&s);
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct timespec ts;

	sem_init(&s, 0, 0);
	pthread_create(&t, NULL, producer, NULL);
	for (;;) {
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 600000000L;
#ifdef OK
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
#endif
		if (sem_timedwait(&s, &ts) == 0 || errno != ETIMEDOUT)
			break;
	}
	assert(produced);
	pthread_join(t, NULL);
	return 0;
}
