//! expect: bug assertion
//! args: --strategy=dfs
/* After its worker finished, main waits up to an hour for the worker's
 * result, polling with a yield, and then asserts that the result came.
 * The worker never sets it: the assertion fails, after the hour.  A poll
 * until a deadline past about 1,000 s was a false livelock: a clock read
 * in a lone spin moves the virtual clock by a millisecond, and the rounds
 * a spin is given (100 x --spin-bound) ran out first.  Now a lone spin
 * that reads the clock and uses up its rounds gets them again once, with
 * its clock ten years ahead: a poll until a deadline ends, a loop that
 * never ends is still a livelock (lone_poll_forever_bug.c).
 * lone_deadline_hour_ok.c sets the result, and checks that a poll that
 * waits the hour out ends at or after its deadline. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

static atomic_int result;

static void *worker(void *arg)
{
	(void)arg;
#ifdef LONE_DEADLINE_HOUR_OK
	atomic_store(&result, 1);
#endif
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
	const long long hour = 3600 * 1000000000LL;
	pthread_t t;
	long long end;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	end = now() + hour;
	while (!atomic_load(&result) && now() < end)
		sched_yield();
#ifdef LONE_DEADLINE_HOUR_OK
	/* A poll that waits the hour out ends, at or after its deadline. */
	atomic_store(&result, 0);
	end = now() + hour;
	while (!atomic_load(&result) && now() < end)
		sched_yield();
	assert(now() >= end);
	atomic_store(&result, 1);
#endif
	assert(atomic_load(&result));
	return 0;
}
