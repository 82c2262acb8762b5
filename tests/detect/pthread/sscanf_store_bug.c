// sscanf's stores through its arguments, each as wide as what it stores:
// a string (%s, its terminator included), an int (%d), a skipped field
// (%*d stores nothing) and the count so far (%n).  The worker reads the
// name's fourth byte, which "%7s" wrote ("mlx4" and its terminator) while
// the worker ran unordered with it: a data race.  sscanf_store_ok.c reads
// a byte past what was stored, which nothing orders and nothing wrote.
//! expect: bug data-race
#include <pthread.h>
#include <stdio.h>

static char name[8];
static int unit, used;
static char seen;

static void *worker(void *arg)
{
#ifdef OK
	seen = name[6];
#else
	seen = name[3];
#endif
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	if (sscanf("mlx4 9 3", "%7s %*d %d%n", name, &unit, &used) != 2)
		return 1;
	pthread_join(t, NULL);
	return unit == 3 && used == 8 && seen != 'x' ? 0 : 1;
}
