//! expect: verified
/* The twin of relaxed_bug.c: the flag is published with release and read
 * with acquire, so the read of data after seeing it is ordered after the
 * write: no race (and a plain read after an acquire that read from a
 * release store never races with what preceded the store). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static int data;
static atomic_int flag;

static void *writer(void *arg)
{
	(void)arg;
	data = 42;
	atomic_store_explicit(&flag, 1, memory_order_release);
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
	if (atomic_load_explicit(&flag, memory_order_acquire))
		assert(data == 42);
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
