//! expect: bug assertion
//! args: --strategy=dfs
/* A check that reads a relaxed flag twice and trusts the second read to
 * see a store the first one missed: both can miss it (nothing makes a
 * store visible by a given time), so the writer's update is overlooked
 * although it was made before either read.  The writer stores and then
 * tells the reader through a plain handshake the reader never waits on;
 * double_read_ok.c reads with acquire after an acquire handshake. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef ORD
#define ORD memory_order_relaxed
#endif

static atomic_int flag, told;

static void *writer(void *arg)
{
	(void)arg;
	atomic_store_explicit(&flag, 1, memory_order_release);
	atomic_store_explicit(&told, 1, memory_order_release);
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
	if (!atomic_load_explicit(&told, ORD))
		return NULL;
	if (atomic_load_explicit(&flag, memory_order_relaxed))
		return NULL;
	/* Missed once: look again. */
	assert(atomic_load_explicit(&flag, memory_order_relaxed));
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
