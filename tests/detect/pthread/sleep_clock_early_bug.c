//! expect: bug crash
/* A progress reporter: a loader publishes its first batch and sleeps 3 s
 * (slow I/O); main waits for the batch and prints items per whole second
 * elapsed, about 0 natively, so the division traps on every native run.
 * weft moved its clock by the whole sleep as the sleep began, so main
 * never read the time before the sleeper woke, and this was verified (a
 * probe of pthread programs).  sleep_clock_early_ok.c clamps the
 * seconds to at least 1. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

static atomic_int items;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static void *loader(void *arg)
{
	struct timespec io = { 3, 0 };

	(void)arg;
	atomic_store(&items, 100); /* first batch parsed */
	nanosleep(&io, NULL);      /* slow I/O for the rest */
	atomic_store(&items, 200);
	return NULL;
}

int main(void)
{
	double t0 = now();
	pthread_t t;
	int secs;

	pthread_create(&t, NULL, loader, NULL);
	while (atomic_load(&items) == 0)
		sched_yield();
	secs = (int)(now() - t0);
#ifdef FIXED
	if (secs < 1)
		secs = 1;
#endif
	printf("rate: %d items/s\n", atomic_load(&items) / secs);
	pthread_join(t, NULL);
	return 0;
}
