//! needs: pthread
/* Pins the note of a verification that rests on weft's keeping the
 * interleaving's order of two threads' unordered stores to one location:
 * 2+2W (x == 1 and y == 1 at the end, each thread's first store landing
 * last, which C11 allows for relaxed stores) is not explored, and the
 * verdict said nothing of it. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int x, y;

static void *t1(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, RLX);
	atomic_store_explicit(&y, 2, RLX);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	atomic_store_explicit(&y, 1, RLX);
	atomic_store_explicit(&x, 2, RLX);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(atomic_load(&x) == 1 && atomic_load(&y) == 1));
	return 0;
}
