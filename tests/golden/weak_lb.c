//! needs: pthread
/* Pins the note of a verification that rests on weft's one unexplored
 * weak-memory reordering: load buffering (each thread's relaxed load
 * reading the other's later relaxed store, r1 == r2 == 1, which C11 and
 * ARM allow) is not explored, and the verdict says so. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int x, y;
static int r1, r2;

static void *t1(void *arg)
{
	(void)arg;
	r1 = atomic_load_explicit(&y, RLX);
	atomic_store_explicit(&x, 1, RLX);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	r2 = atomic_load_explicit(&x, RLX);
	atomic_store_explicit(&y, 1, RLX);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(r1 == 1 && r2 == 1));
	return 0;
}
