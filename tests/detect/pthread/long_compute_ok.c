//! expect: verified
/* After its worker finished, main computes for a while (about a second
 * instrumented) reading one global, with no scheduling point.  The spin
 * watchdog samples it, but no other thread can run, so the loop is a
 * computation: no scheduling point is added, and the verdict is not cut
 * short by the step limit. */
#include <pthread.h>

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
	long s = 0;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	for (long i = 0; i < 250000000; i++)
		s += table[i & 1];
	out = s;
	return 0;
}
