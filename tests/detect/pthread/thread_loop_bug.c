//! expect: bug data-race
//! args: --strategy=dfs
/* thread_loop_ok.c where, in round 137 (long after the first 64 threads),
 * main reads a slot before joining the thread that writes it. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define ROUNDS 200

static long slot[3];

static void *work(void *arg)
{
	intptr_t k = (intptr_t)arg;

	slot[k] += k + 1;
	return (void *)(k * 2);
}

int main(void)
{
	long total = 0;

	for (int r = 0; r < ROUNDS; r++) {
		pthread_t t[3];
		for (intptr_t k = 0; k < 3; k++)
			assert(pthread_create(&t[k], NULL, work, (void *)k) == 0);
		if (r == 137)
			total += slot[1]; /* too early: thread 1 may be writing */
		for (intptr_t k = 0; k < 3; k++)
			assert(pthread_join(t[k], NULL) == 0);
		total += slot[0] + slot[1] + slot[2];
	}
	printf("total %ld\n", total);
	return 0;
}
