//! expect: bug assertion
//! args: --strategy=dfs
/* Message passing (MP) with a relaxed flag: the reader sees the flag set
 * and still reads the old payload.  Nothing orders the two stores for
 * another thread (the payload is an atomic too, so this is no data race:
 * the bug is the value).  mp_relacq_ok.c publishes with release and
 * reads with acquire. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef PUB
#define PUB memory_order_relaxed
#define SUB memory_order_relaxed
#endif

static atomic_int payload, flag;

static void *producer(void *arg)
{
	(void)arg;
	atomic_store_explicit(&payload, 42, memory_order_relaxed);
	atomic_store_explicit(&flag, 1, PUB);
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	if (atomic_load_explicit(&flag, SUB))
		assert(atomic_load_explicit(&payload, memory_order_relaxed) ==
		       42);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, producer, NULL);
	pthread_create(&b, NULL, consumer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
