//! needs: pthread
/* Pins how a load that read an older store shows in a trace: store
 * buffering with relaxed atomics, where the second thread's load of x
 * "sees 0, not yet 1" after the first thread stored 1. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int x, y;
static int r1, r2;

static void *t1(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, RLX);
	r1 = atomic_load_explicit(&y, RLX);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	atomic_store_explicit(&y, 1, RLX);
	r2 = atomic_load_explicit(&x, RLX);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(r1 == 0 && r2 == 0));
	return 0;
}
