//! expect: verified
/* main computes over a small table that no thread writes, without a
 * scheduling point, while its worker could run.  tests/cli/spin_stall.sh
 * runs it with the spin watchdog at 50 ms: the loop looks like a spin,
 * and its read becomes a scheduling point, a poll only while another
 * thread can run: the run ends at the step limit (a step each round),
 * inconclusive, where it was a false livelock (the same value polled
 * 10,000 times by the only runnable thread).  The runner runs it with
 * a short loop, which ends long before the default second even on a
 * loaded machine, and it is verified; COMPUTE_ROUNDS makes it long. */
#include <pthread.h>
#include <stdlib.h>

long table[4] = { 1, 2, 3, 4 };
long out, worker_ran;

static void *worker(void *arg)
{
	(void)arg;
	worker_ran = 1;
	return NULL;
}

int main(void)
{
	pthread_t t;
	const char *e = getenv("COMPUTE_ROUNDS");
	long rounds = e ? atol(e) : 100000, s = 0;

	pthread_create(&t, NULL, worker, NULL);
	for (long i = 0; i < rounds; i++)
		s += table[i & 1];
	out = s;
	pthread_join(t, NULL);
	return 0;
}
