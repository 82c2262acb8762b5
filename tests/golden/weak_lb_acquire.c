//! needs: pthread
/* Load buffering with acquire loads and relaxed stores: two peers each
 * read whether the other has arrived (acquire) and then say they have
 * (relaxed).  An acquire load that reads a relaxed store synchronizes
 * with nothing (C11 5.1.2.4), so both may read the other's later store
 * and both may see the other arrived first.  weft raised its "without
 * load buffering" qualification only for a relaxed load before a
 * relaxed store, and verified this program with "every interleaving" (a
 * probe of litmus programs).  With release stores (weak_lb_acquire_ok.c,
 * tests/detect/weak) the cycle is forbidden and the verification needs
 * no qualification. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#ifndef STORE_ORDER
#define STORE_ORDER memory_order_relaxed
#endif

static atomic_bool a_in, b_in;
static bool a_saw_b, b_saw_a;

static void *peer_a(void *arg)
{
	(void)arg;
	a_saw_b = atomic_load_explicit(&b_in, memory_order_acquire);
	atomic_store_explicit(&a_in, true, STORE_ORDER);
	return NULL;
}

static void *peer_b(void *arg)
{
	(void)arg;
	b_saw_a = atomic_load_explicit(&a_in, memory_order_acquire);
	atomic_store_explicit(&b_in, true, STORE_ORDER);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, peer_a, NULL);
	pthread_create(&b, NULL, peer_b, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(a_saw_b && b_saw_a)); /* someone arrived first */
	return 0;
}
