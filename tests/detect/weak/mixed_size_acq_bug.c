//! expect: bug data-race
//! args: --strategy=dfs
/* Publication through a 64-bit release store of a union {tag, idx}; the
 * reader loads the idx half (at offset 4) with a 32-bit load and, when it
 * sees the new idx, reads the slot written before the store.  With a
 * relaxed load nothing orders the slot's write before its read: a data
 * race.  mixed_size_acq_ok.c loads with acquire, which synchronises with
 * the 64-bit release store: weft gave the location at offset 4 a history
 * of its own that never saw that store, and reported a data race there
 * too (a probe; ordered on every machine, and ThreadSanitizer keeps one
 * sync object per address).  A store now lands in every record its bytes
 * overlap, and a record first seen takes the history of one covering it. */
#include <pthread.h>
#include <stdint.h>

#ifndef SUB
#define SUB __ATOMIC_RELAXED
#endif

union tagged {
	uint64_t raw;
	struct {
		uint32_t tag, idx;
	} s;
};

static union tagged top;
static int slots[4];
int sink;

static void *producer(void *arg)
{
	union tagged n = { .s = { .tag = 1, .idx = 3 } };

	(void)arg;
	slots[3] = 42;
	__atomic_store_n(&top.raw, n.raw, __ATOMIC_RELEASE);
	return NULL;
}

static void *consumer(void *arg)
{
	uint32_t i;

	(void)arg;
	i = __atomic_load_n(&top.s.idx, SUB);
	if (i == 3)
		sink = slots[i];
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
