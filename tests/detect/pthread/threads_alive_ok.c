//! expect: verified
/* 256 threads alive at once (issue 9): main starts 255 workers before it
 * joins any.  Each writes its own slot; threads 5, 69, 133 and 197, whose
 * ids differ only above the sixth bit, also add to shared under a lock.
 * The twin drops the lock. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define N 255

static long slot[N + 1];
static long shared;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg)
{
	intptr_t k = (intptr_t)arg;

	slot[k] = k;
	if (k % 64 == 5) {
		pthread_mutex_lock(&m);
		shared += k;
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[N + 1];
	long sum = 0;

	for (intptr_t k = 1; k <= N; k++)
		assert(pthread_create(&t[k], NULL, work, (void *)k) == 0);
	for (int k = 1; k <= N; k++) {
		assert(pthread_join(t[k], NULL) == 0);
		sum += slot[k];
	}
	assert(sum == (long)N * (N + 1) / 2);
	assert(shared == 5 + 69 + 133 + 197);
	printf("shared = %ld\n", shared);
	return 0;
}
