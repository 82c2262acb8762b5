//! expect: bug assertion
//! args: --strategy=dfs --races=off
/* SV-COMP's fib_bench (one round), whose threads race on i and j by
 * design: the task's property is only that reach_error() is not called.
 * With --races=off the races are no bug but their sites are still
 * scheduling points, so the interleavings they allow are explored: here
 * the error is reachable (i = 2, then j = 3, then i = 5 needs both
 * threads' reads and writes interleaved) and found.  races_off_ok.c
 * checks a bound the program never passes; without --races=off both are
 * data races. */
extern void abort(void);
#include <assert.h>
#include <pthread.h>

#ifndef LIMIT
#define LIMIT 2
#endif

void reach_error(void)
{
	assert(0);
}

int i = 1, j = 1;

static void *t1(void *a)
{
	i += j;
	return a;
}

static void *t2(void *a)
{
	j += i;
	return a;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, t1, 0);
	pthread_create(&b, 0, t2, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	if (i > LIMIT || j > LIMIT) {
		reach_error();
		abort();
	}
	return 0;
}
