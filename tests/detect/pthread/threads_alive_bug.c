//! expect: bug data-race
/* threads_alive_ok.c where the writers of shared, threads 5, 69, 133 and
 * 197 (their ids differ only above the sixth bit), write it without the
 * lock: a race among 256 threads alive at once. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define N 255

static long slot[N + 1];
static long shared;

static void *work(void *arg)
{
	intptr_t k = (intptr_t)arg;

	slot[k] = k;
	if (k % 64 == 5)
		shared += k;
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
	printf("shared = %ld\n", shared);
	return 0;
}
