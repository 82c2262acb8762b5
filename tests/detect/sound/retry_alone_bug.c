//! expect: bug assertion
/* A poll that gives up: the consumer polls an atomic flag 100 times and
 * then takes a slow producer for a dead one.  Natively it fails in nearly
 * every run (the consumer's polls are over before main creates the
 * producer), yet weft verified it: fair scheduling runs a spinner ahead
 * of the threads it yielded to at most --fair-bound times (deepened to 8
 * here), far short of 100 (a probe's false verified).  Where the bound
 * cuts the spinner, a give-up probe (odpor_giveup.c) now runs it alone
 * from there to the end of its loop: the schedule in which the others
 * are slow.
 * retry_alone_ok.c blocks on a semaphore once its polls are spent. */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>

#define SPINS 100

static atomic_int ready;
static int value;
static sem_t posted;

static void *producer(void *arg)
{
	(void)arg;
	value = 7;
	atomic_store_explicit(&ready, 1, memory_order_release);
	sem_post(&posted);
	return NULL;
}

static void *consumer(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < SPINS; i++)
		if (atomic_load_explicit(&ready, memory_order_acquire))
			break;
#ifdef OK
	if (i == SPINS)
		sem_wait(&posted);
#else
	assert(i < SPINS); /* a slow producer is not a dead one */
#endif
	assert(value == 7);
	return NULL;
}

int main(void)
{
	pthread_t p, c;

	sem_init(&posted, 0, 0);
	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
