//! expect: verified
//! args: --strategy=dfs
/* Message passing through fences: a plain payload, a release fence before
 * the relaxed store of the flag, an acquire fence after the relaxed load
 * that saw it.  The fences synchronise (C11 32.4): the payload's read is
 * ordered after its write, no data race, and it reads 42. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static int payload;
static atomic_int flag;

static void *producer(void *arg)
{
	(void)arg;
	payload = 42;
	atomic_thread_fence(memory_order_release);
	atomic_store_explicit(&flag, 1, memory_order_relaxed);
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	while (!atomic_load_explicit(&flag, memory_order_relaxed))
		;
#ifndef NO_ACQUIRE_FENCE
	atomic_thread_fence(memory_order_acquire);
#endif
	assert(payload == 42);
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
