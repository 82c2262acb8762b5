/* bench/pthread_accesses.c - the cost of instrumented memory accesses.
 *
 * A plain pthread program, built with weft-cc: two threads each make N
 * reads and N writes of shared memory (argv[1], default 1000), each thread
 * in its own half of the array, so no access races.  bench/pthread.sh runs
 * it with N and with N = 0 and derives the cost per access and the
 * executions per second from weft's own timings. */
#include <pthread.h>
#include <stdlib.h>

#define MAXN 100000

static long shared[2][MAXN];
static int n = 1000;

static void *worker(void *arg)
{
	long *mine = shared[(long)arg];

	for (int i = 0; i < n; i++)
		mine[i] = mine[i > 0 ? i - 1 : 0] + i;
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t a, b;

	if (argc > 1)
		n = atoi(argv[1]);
	if (n < 0 || n > MAXN)
		n = MAXN;
	pthread_create(&a, NULL, worker, (void *)0L);
	pthread_create(&b, NULL, worker, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
