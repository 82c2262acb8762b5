//! expect: verified unexplored=mixed_unexplored
//! args: --strategy=dfs
/* The writer stores the upper 32-bit half of a word, the reader loads the
 * whole word behind a relaxed flag: C11 (and ARM) let it see the flag and
 * the old half.  The load's record starts at the word, the store's at its
 * upper half: weft reads the latest store of bytes another record wrote,
 * and says so on the verdict (this was verified with no word: a probe).
 * mixed_size_partial_ok.c publishes with release. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>

#ifndef PUB
#define PUB __ATOMIC_RELAXED
#define SUB __ATOMIC_RELAXED
#endif

static union {
	uint64_t whole;
	uint32_t half[2];
} w;
static int flag;

static void *producer(void *arg)
{
	(void)arg;
	__atomic_store_n(&w.half[1], 7, __ATOMIC_RELAXED);
	__atomic_store_n(&flag, 1, PUB);
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	if (__atomic_load_n(&flag, SUB))
		assert(__atomic_load_n(&w.whole, __ATOMIC_RELAXED) >> 32 == 7);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, producer, NULL);
	pthread_create(&b, NULL, consumer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
