//! needs: pthread
/* Pins the note of a verification that rests on weft's eventual
 * visibility: a thread's third load in a row of an atomic location with
 * no new store reads the latest store.  This poll gives up after three
 * tries, and C11 lets all three miss the store of flag (made before the
 * store of y the thread saw), so the assertion can fail: the search does
 * not find it, and the verdict says why, in its line and a note (probes
 * found it verified with no word of it, then with the note only). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int flag, y;

static void *setter(void *arg)
{
	(void)arg;
	atomic_store_explicit(&flag, 1, RLX);
	atomic_store_explicit(&y, 1, RLX);
	return NULL;
}

static void *poller(void *arg)
{
	int i;

	(void)arg;
	if (!atomic_load_explicit(&y, RLX))
		return NULL;
	for (i = 0; i < 3; i++)
		if (atomic_load_explicit(&flag, RLX))
			break;
	assert(i < 3);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, setter, NULL);
	pthread_create(&b, NULL, poller, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
