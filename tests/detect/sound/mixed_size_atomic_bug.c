// Atomics of different sizes over the same bytes: the writer stores the
// two 32-bit halves of a word one after the other, the reader loads the
// whole 64-bit word at once and sees the first half without the second.
// The explorer keyed an atomic's step by its start address, so the load
// (at w) and the store to the upper half (at w+4) looked independent and
// the order between the two stores was never run: verified (a probe of
// lock-free patterns; the kernel's qspinlock mixes a 16-bit exchange with
// a 32-bit compare-exchange on one word).  Overlapping forms now make
// their 16-byte block one object for the explorer (src/tsan/overlap.c).
// mixed_size_atomic_ok.c asserts what does hold.
//! expect: bug assertion
#include <assert.h>
#include <pthread.h>
#include <stdint.h>

static union {
	uint64_t whole;
	uint32_t half[2];
} w;

static void *writer(void *arg)
{
	(void)arg;
	__atomic_store_n(&w.half[0], 1u, __ATOMIC_SEQ_CST);
	__atomic_store_n(&w.half[1], 1u, __ATOMIC_SEQ_CST);
	return NULL;
}

static void *reader(void *arg)
{
	uint64_t v = __atomic_load_n(&w.whole, __ATOMIC_SEQ_CST);
	uint32_t lo = (uint32_t)v, hi = (uint32_t)(v >> 32);

	(void)arg;
#ifdef ORDERED
	assert(lo >= hi); /* the upper half is stored second */
#else
	assert(lo == hi);
#endif
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, writer, NULL);
	pthread_create(&b, NULL, reader, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
