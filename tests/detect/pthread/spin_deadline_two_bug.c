//! expect: bug livelock
//! args: --strategy=dfs
/* Two workers each poll a flag nobody sets, reading the clock in their
 * loop but with no deadline: they spin forever, a livelock, which must
 * still be reported when spinners read the clock.  The correct twin
 * (spin_deadline_two_ok.c) gives each poll a deadline of 200 ms: it was a
 * false livelock, since each read moved the virtual clock by a
 * microsecond and the spin bound (10,000 steps) came first.  Threads
 * that all spin now see a millisecond a read, as a thread spinning alone
 * does, and get their steps again once, ten years on, when they read
 * the clock. */
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

static atomic_int flag;

static long long now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *poller(void *arg)
{
	long long end = now() + 200 * 1000000LL;

	(void)arg;
#ifdef SPIN_DEADLINE_TWO_OK
	while (!atomic_load(&flag) && now() < end)
		;
#else
	(void)end;
	while (!atomic_load(&flag))
		(void)now();
#endif
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, poller, NULL);
	pthread_create(&b, NULL, poller, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
