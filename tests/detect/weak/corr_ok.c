//! expect: verified
//! args: --strategy=dfs
/* Coherence: however stale a relaxed load may be, one thread's loads of
 * one location never go back in its order of stores (CoRR), and never see
 * an older store than the thread's own (CoWR).  The writer's 1 and 2 may
 * come after the reader's own 7, so the last load may see any of the
 * three, but never 0, nor anything the earlier loads had passed. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int x;

static void *writer(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, RLX);
	atomic_store_explicit(&x, 2, RLX);
	return NULL;
}

static void *reader(void *arg)
{
	int a, b, c;

	(void)arg;
	a = atomic_load_explicit(&x, RLX);
	b = atomic_load_explicit(&x, RLX);
	atomic_store_explicit(&x, 7, RLX);
	c = atomic_load_explicit(&x, RLX);
	/* Once it has read a store, never an older one; after its own store,
	 * never one older than that. */
	assert(a <= b);
	assert(c != 0);
	assert(b != 2 || c == 7);
	assert(a != 1 || c != 1);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, writer, NULL);
	pthread_create(&b, NULL, reader, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
