//! expect: verified
/* After its worker finished, main computes for a while reading one
 * global, with no scheduling point.  tests/cli/spin_stall.sh makes the
 * loop long (COMPUTE_ROUNDS) and the spin watchdog quick: it samples the
 * loop, but no other thread can run, so the loop is a computation, no
 * scheduling point is added, and the verdict is not cut short by the
 * step limit.  The runner's run is short. */
#include <pthread.h>
#include <stdlib.h>

long table[4] = { 1, 2, 3, 4 };
long out;

static void *worker(void *arg)
{
	(void)arg;
	table[1] = 5;
	return NULL;
}

int main(void)
{
	pthread_t t;
	const char *e = getenv("COMPUTE_ROUNDS");
	long rounds = e ? atol(e) : 100000, s = 0;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	for (long i = 0; i < rounds; i++)
		s += table[i & 1];
	out = s;
	return 0;
}
