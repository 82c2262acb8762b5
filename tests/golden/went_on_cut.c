//! args: --strategy=dfs --max-steps=40
//! needs: pthread
/* Pins the line that says how far the search went on after a data race
 * when every later execution ran into a limit: two threads increment a
 * counter with no lock, the race is found in execution 1, and from then
 * on both threads' accesses are scheduling points, which takes every
 * later execution past --max-steps.  The line counted only the
 * executions that ran to their end and was left out, although the search
 * went on for 10,000 more (22 s in a probe's program). */
#include <pthread.h>

static long counter;

/* Not inlined: at -O1 the loop's ten increments were one addition. */
__attribute__((noinline)) static void count(void)
{
	counter++;
}

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 10; i++)
		count();
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
