//! expect: verified
//! args: --strategy=dfs
/* The correct twin of publish_bug.c: the flag is a C11 atomic written with
 * release and read with acquire, so seeing it set orders the data. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static int data;
static atomic_int ready;

static void *producer(void *arg)
{
	(void)arg;
	data = 42;
	atomic_store_explicit(&ready, 1, memory_order_release);
	return NULL;
}

int main(void)
{
	pthread_t p;

	pthread_create(&p, NULL, producer, NULL);
	if (atomic_load_explicit(&ready, memory_order_acquire))
		assert(data == 42);
	pthread_join(p, NULL);
	return 0;
}
