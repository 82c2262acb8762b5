//! expect: verified
/* A helper that sleeps "for ever" ({ LONG_MAX, 0 }) until it is
 * cancelled.  weft's sleeps always returned: LONG_MAX seconds once
 * wrapped to a negative count, then (saturated) moved the clock to its
 * end and round to before its start, so CLOCK_MONOTONIC went backwards (a
 * review).  A sleep longer than 30 years now never ends unless cancelled,
 * as a deadline that far off. */
#include <assert.h>
#include <limits.h>
#include <pthread.h>
#include <time.h>

static void *sleeper(void *a)
{
	struct timespec f = { LONG_MAX, 0 };

	(void)a;
	for (;;)
		nanosleep(&f, NULL); /* a cancellation point */
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	pthread_create(&t, NULL, sleeper, NULL);
	pthread_cancel(t);
	pthread_join(t, NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	assert(b.tv_nsec >= 0 && b.tv_sec >= a.tv_sec);
	return 0;
}
