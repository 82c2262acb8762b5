//! expect: verified
//! args: --strategy=dfs
/* 200 rounds of creating three threads and joining them: 600 threads in
 * all, never more than four at once.  Each thread writes its own slot,
 * and main reads the slots after the joins, so there is no race.  The
 * buggy twin, thread_loop_bug.c, races in round 137. */
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
		for (intptr_t k = 0; k < 3; k++) {
			void *ret;
			assert(pthread_join(t[k], &ret) == 0);
			assert((intptr_t)ret == k * 2);
		}
		total += slot[0] + slot[1] + slot[2];
	}
	assert(slot[0] == ROUNDS && slot[2] == 3 * ROUNDS);
	printf("total %ld\n", total);
	return 0;
}
