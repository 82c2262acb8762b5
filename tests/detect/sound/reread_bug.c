//! expect: bug assertion
/* No loop anywhere: a reader checks a settings word three times in
 * straight-line code (as code that re-validates a flag before each stage
 * does), counts how often it was still zero, and publishes the count; the
 * other thread fails its check only if it sees all three, which needs the
 * reader to run its three reads and the store before the check.  Reading
 * the same value again at another place is no spin: the second read was
 * once taken for one, the reader deferred, and the exhaustive search
 * (bounded in unfair continuations) verified the program without the
 * schedule of the bug.  reread_ok.c publishes fewer than three. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int settings, published = -1;

static void *reader(void *arg)
{
	int n = 0;

	(void)arg;
	if (atomic_load(&settings) == 0)
		n++;
	if (atomic_load(&settings) == 0)
		n++;
	if (atomic_load(&settings) == 0)
		n++;
#ifdef OK
	n = n > 2 ? 2 : n;
#endif
	atomic_store(&published, n);
	return NULL;
}

static void *checker(void *arg)
{
	(void)arg;
	assert(atomic_load(&published) != 3);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&b, NULL, checker, NULL);
	pthread_create(&a, NULL, reader, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
