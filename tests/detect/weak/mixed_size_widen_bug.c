//! expect: bug assertion
//! args: --strategy=dfs
/* The other way round from mixed_size_union_bug.c: the writer stores the
 * low 32-bit half of a word, the reader loads the whole 64-bit word
 * behind a relaxed flag and may see the old half.  The store history
 * started again from memory when the wider load came, and this was
 * verified (a probe).  A wider access now widens the record's stores
 * with the bytes beyond from memory.  mixed_size_widen_ok.c publishes
 * with release and reads with acquire. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>

#ifndef PUB
#define PUB __ATOMIC_RELAXED
#define SUB __ATOMIC_RELAXED
#endif

static uint64_t w;
static int flag;

static void *producer(void *arg)
{
	(void)arg;
	__atomic_store_n((uint32_t *)&w, 42, __ATOMIC_RELAXED);
	__atomic_store_n(&flag, 1, PUB);
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	if (__atomic_load_n(&flag, SUB))
		assert((uint32_t)__atomic_load_n(&w, __ATOMIC_RELAXED) == 42);
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
