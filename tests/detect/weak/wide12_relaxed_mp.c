//! expect: verified unexplored=wide_unexplored
// A 12-byte _Atomic struct is not lock-free (libatomic's generic calls,
// like one wider than 16 bytes): weft runs it under libatomic's lock, so
// the relaxed message passing whose stale read C11 allows is verified with
// the clause, which once said "wider than 16 bytes" (a probe).
/* Message passing of a 12-byte descriptor (an _Atomic struct of three
 * ints, which gcc leaves to libatomic's generic calls) through a relaxed
 * flag, the descriptor itself relaxed: the reader may see the flag and
 * the old descriptor.  FIX: release flag / acquire load. */
#include <pthread.h>
#include <stdatomic.h>
#include <assert.h>
#ifdef FIX
#define PUB memory_order_release
#define SUB memory_order_acquire
#else
#define PUB memory_order_relaxed
#define SUB memory_order_relaxed
#endif
struct desc { int a, b, c; };
static _Atomic struct desc d;
static atomic_int flag;
static void *prod(void *x)
{
	(void)x;
	struct desc n = { 1, 2, 42 };
	atomic_store_explicit(&d, n, memory_order_relaxed);
	atomic_store_explicit(&flag, 1, PUB);
	return NULL;
}
static void *cons(void *x)
{
	(void)x;
	if (atomic_load_explicit(&flag, SUB)) {
		struct desc c = atomic_load_explicit(&d, memory_order_relaxed);
		assert(c.c == 42);
	}
	return NULL;
}
int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, prod, NULL);
	pthread_create(&b, NULL, cons, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
