//! expect: bug assertion
//! args: --strategy=dfs
/* The twin of corr_ok.c asking for more than coherence gives: a reader
 * that saw the writer's relaxed "done" flag expects its last store to x.
 * Nothing orders the flag after x for another thread, so the load of x
 * may still see 0 or 1 (sequentially consistent interleavings never do). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int x, done;

static void *writer(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, RLX);
	atomic_store_explicit(&x, 2, RLX);
	atomic_store_explicit(&done, 1, RLX);
	return NULL;
}

static void *reader(void *arg)
{
	int a, b;

	(void)arg;
	if (!atomic_load_explicit(&done, RLX))
		return NULL;
	a = atomic_load_explicit(&x, RLX);
	b = atomic_load_explicit(&x, RLX);
	assert(a <= b);
	assert(a == 2);
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
