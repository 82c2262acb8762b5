//! expect: verified
/* retry_alone_bug.c's consumer, which blocks on a semaphore the producer
 * posts once its 100 polls are spent: correct however slow the producer
 * is: verified, its give-up probes included. */
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
	if (i == SPINS)
		sem_wait(&posted);
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
