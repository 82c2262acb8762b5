//! needs: pthread
/* Pins the notes of two verifications that rest on weft's read-modify-
 * writes reading the latest store.  xchg_lands_before: f stores x=2 and
 * then y=1 (relaxed); g, having read y == 1, exchanges x for 1 and asserts
 * it read 2.  C11 lets the exchange land before f's store of x in the
 * modification order (nothing orders the two) and read 0, as on ARMv8;
 * weft keeps the interleaving's order, as for two plain stores (S).
 * cas_mp: f stores x=1 and y=1 (relaxed); g, having read y == 1, swaps x
 * from 1 to 5 and asserts that it did: a compare-exchange may fail by
 * reading the older 0, as a relaxed load may.  Both were verified with no
 * word of it (a probe of litmus programs); the notes now say so. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int x, y;
int old, ok;

static void *f(void *arg)
{
	(void)arg;
#ifdef CAS_MP
	atomic_store_explicit(&x, 1, memory_order_relaxed);
#else
	atomic_store_explicit(&x, 2, memory_order_relaxed);
#endif
	atomic_store_explicit(&y, 1, memory_order_relaxed);
	return NULL;
}

static void *g(void *arg)
{
	(void)arg;
	if (atomic_load_explicit(&y, memory_order_relaxed) == 1) {
#ifdef CAS_MP
		int expect = 1;
		ok = atomic_compare_exchange_strong_explicit(
			&x, &expect, 5, memory_order_release,
			memory_order_relaxed);
		assert(ok);
#else
		old = atomic_exchange_explicit(&x, 1, memory_order_release);
		assert(old == 2);
#endif
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, f, NULL);
	pthread_create(&b, NULL, g, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
