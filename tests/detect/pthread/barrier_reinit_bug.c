// A barrier initialised again while a thread waits on it: the worker may
// have arrived for the first round, which the new initialisation forgets,
// so in glibc it waits for good.  pthread_barrier_init was no scheduling
// point and never checked: verified (a probe with GenMC's tests, whose
// idle re-initialisation weft leaves alone, as glibc does).
// barrier_reinit_ok.c initialises the barrier again only after destroying
// it, with no thread on it.
//! expect: bug misuse
#include <pthread.h>

static pthread_barrier_t b;

static void *worker(void *arg)
{
	pthread_barrier_wait(&b);
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_barrier_init(&b, NULL, 2);
	pthread_create(&t, NULL, worker, NULL);
#ifndef OK
	pthread_barrier_init(&b, NULL, 2); /* a "reset" */
#endif
	pthread_barrier_wait(&b);
	pthread_join(t, NULL);
	pthread_barrier_destroy(&b);
#ifdef OK
	pthread_barrier_init(&b, NULL, 1);
	pthread_barrier_wait(&b);
	pthread_barrier_destroy(&b);
#endif
	return 0;
}
