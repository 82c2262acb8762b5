//! expect: verified
/* A driver-style bounded wait: the test polls a device's ready flag up
 * to 1,000 times, sleeping a millisecond between polls, and then takes
 * its timeout path, which is handled (an error is returned and nothing is
 * left behind).  The device thread may be blocked on a lock the test
 * holds, so no poll can see the flag: every runnable thread spins until
 * the loop gives up by itself, after 2,000 steps.  Under the old
 * --spin-bound of 200 steps that was a false livelock.  poll_timeout_bug.c
 * polls without a bound: a real livelock. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t cfg = PTHREAD_MUTEX_INITIALIZER;
static atomic_int ready;

static void *device(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&cfg);
	atomic_store(&ready, 1);
	pthread_mutex_unlock(&cfg);
	return NULL;
}

static int wait_ready(void)
{
#ifdef UNBOUNDED
	while (!atomic_load(&ready))
		usleep(1000);
	return 0;
#else
	for (int i = 0; i < 1000; i++) {
		if (atomic_load(&ready))
			return 0;
		usleep(1000);
	}
	return -1;
#endif
}

int main(void)
{
	pthread_t d;
	int err;

	pthread_mutex_lock(&cfg);
	pthread_create(&d, NULL, device, NULL);
	err = wait_ready();
	pthread_mutex_unlock(&cfg);
	pthread_join(d, NULL);
	printf("wait_ready: %d\n", err);
	return 0;
}
