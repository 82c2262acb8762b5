//! expect: bug assertion
//! args: --fair-bound=2
/* A retry loop whose round polls two objects (the result, then a cancel
 * flag) gives up after three tries.  --fair-bound=2 covers three tries:
 * one round of a loop is one unfair continuation however many objects it
 * reads.  Each read cost one before, so a round cost two, the bound
 * covered half the tries it claimed, and a search in parts (its prefix
 * runs the producer's start first) verified this at 2.
 * retry_two_polls_ok.c waits without giving up after its tries. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

static atomic_int ready, cancelled;

static void *producer(void *arg)
{
	(void)arg;
	atomic_store(&ready, 1);
	return NULL;
}

static void *consumer(void *arg)
{
	int tries;

	(void)arg;
	for (tries = 0; tries < 3; tries++) {
		if (atomic_load(&ready))
			break;
		if (atomic_load(&cancelled))
			return NULL;
		sched_yield();
	}
#ifdef OK
	while (!atomic_load(&ready))
		sched_yield();
#else
	assert(tries < 3 && "gave up waiting for the producer");
#endif
	return NULL;
}

int main(void)
{
	pthread_t p, c;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
