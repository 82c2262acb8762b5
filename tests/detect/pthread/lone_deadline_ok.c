//! expect: verified
//! args: --strategy=dfs
/* After its worker finished, main polls a flag until three seconds have
 * passed, yielding between polls.  Each clock read moved weft's virtual
 * clock by a microsecond, so the deadline needed three million rounds,
 * more than a spin is given: a false livelock (a review's probe; so
 * before the lone spins too).  While a thread spins alone, a clock read
 * now moves the clock by a millisecond.  lone_poll_forever_bug.c polls
 * with no deadline. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

static atomic_int flag;

static void *worker(void *arg)
{
	(void)arg;
	return NULL;
}

static long long now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
	pthread_t t;
	long long end;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	end = now() + 3 * 1000000000LL;
	while (now() < end) {
		if (atomic_load(&flag))
			break;
		sched_yield();
	}
	return 0;
}
