//! needs: pthread
/* Pins the verdict of two threads' relaxed read-modify-writes of one
 * location: each reads the store before it in the location's order, so
 * the other order of the two is the other interleaving, which the search
 * explores; the verdict is "every interleaving", with no 2+2W note (it
 * was "without unordered stores to one location landing in the other
 * order (2+2W)", with a note, on a probe's lock-free queues).  A plain
 * store after another thread's still gets the note (weak/ tests). */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int hits;

static void *worker(void *p)
{
	(void)p;
	atomic_fetch_add_explicit(&hits, 1, memory_order_relaxed);
	atomic_exchange_explicit(&hits, 5, memory_order_relaxed);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return atomic_load(&hits) == 5 ? 0 : 1;
}
