//! expect: verified
/* 100 thread-specific keys, each thread storing its own value in each.
 * POSIX guarantees at least 128 keys and glibc allows 1024; weft allowed
 * 64, so pthread_key_create failed with EAGAIN and this correct program
 * was a bug (exit-status).  many_keys_bug.c clears one of its values by
 * mistake. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

#define NKEYS 100

static pthread_key_t keys[NKEYS];

static void *worker(void *arg)
{
	long id = (long)arg;

	for (int i = 0; i < NKEYS; i++)
		pthread_setspecific(keys[i], (void *)(id * 1000 + i + 1));
#ifdef MANY_KEYS_BUG
	pthread_setspecific(keys[NKEYS - 1], NULL);
#endif
	for (int i = 0; i < NKEYS; i++)
		assert(pthread_getspecific(keys[i]) ==
		       (void *)(id * 1000 + i + 1));
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (int i = 0; i < NKEYS; i++) {
		int r = pthread_key_create(&keys[i], NULL);
		if (r != 0) {
			fprintf(stderr, "pthread_key_create #%d: %d\n", i, r);
			return 1;
		}
	}
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
