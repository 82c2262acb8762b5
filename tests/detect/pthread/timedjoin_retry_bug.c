//! expect: bug exit-status
/* main waits for its worker with pthread_timedjoin_np (1 ms each) up to
 * 24 times, then declares it hung and exits 1: with a long enough stall
 * of the worker, a real run exits 1 (a user's probe: 17 of 20 runs with a
 * 30 ms delay in the worker).  Each try was three unfair continuations
 * (the wait's choice, its clock and its poll), so the deepened search,
 * at most 64, covered 21 tries, and this was verified.
 * timedjoin_retry_ok.c joins for good after the tries. */
#define _GNU_SOURCE
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static int result;

static void *worker(void *arg)
{
	result = 5;
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	for (int i = 0; i < 24; i++) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 1000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		if (pthread_timedjoin_np(t, NULL, &ts) == 0) {
			assert(result == 5);
			return 0;
		}
	}
#ifdef OK
	pthread_join(t, NULL);
	assert(result == 5);
	return 0;
#else
	fprintf(stderr, "worker hung\n");
	return 1;
#endif
}
