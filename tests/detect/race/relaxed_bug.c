//! expect: bug data-race
/* Message passing through a relaxed atomic flag: the flag itself does not
 * race, but relaxed accesses order nothing, so the plain write of data and
 * the plain read after seeing the flag race (ThreadSanitizer reports
 * this).  relaxed_ok.c publishes with release and reads with acquire. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static int data;
static atomic_int flag;

static void *writer(void *arg)
{
	(void)arg;
	data = 42;
	atomic_store_explicit(&flag, 1, memory_order_relaxed);
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
	if (atomic_load_explicit(&flag, memory_order_relaxed))
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
