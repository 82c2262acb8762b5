//! expect: bug assertion
//! args: --strategy=dfs
/* Message passing with a relaxed flag through a tagged word: the writer
 * stores the whole {idx, tag} union with one 64-bit relaxed store, the
 * reader loads only idx with a 32-bit relaxed load.  As in
 * mp_relaxed_bug.c the reader may see the flag and the old idx.  weft
 * kept one store history per start address and started it again from
 * memory when the size changed, so the 64-bit store before it was not
 * readable: verified (a probe of lock-free code).  A narrower access now
 * reads the low bytes of the record's stores (src/tsan/weak_table.c).
 * mixed_size_union_ok.c publishes with release and reads with acquire. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>

#ifndef PUB
#define PUB __ATOMIC_RELAXED
#define SUB __ATOMIC_RELAXED
#endif

union tagged {
	uint64_t raw;
	struct {
		uint32_t idx, tag;
	} s;
};

static union tagged top;
static int ready;

static void *producer(void *arg)
{
	union tagged n = { .s = { 3, 1 } };

	(void)arg;
	__atomic_store_n(&top.raw, n.raw, __ATOMIC_RELAXED);
	__atomic_store_n(&ready, 1, PUB);
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	if (__atomic_load_n(&ready, SUB))
		assert(__atomic_load_n(&top.s.idx, __ATOMIC_RELAXED) == 3);
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
