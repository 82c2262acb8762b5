//! expect: verified
/* A hazard pointer with the asymmetric fence of liburcu's and folly's: the
 * reader's publication is followed only by a compiler barrier, and the
 * reclaimer calls membarrier(2), which makes every other thread execute a
 * full barrier before it reads the hazard pointer.  weft ran the call for
 * real and modelled nothing: the reclaimer's read of the hazard pointer
 * could miss the reader's store, a false use-after-free (found by a probe
 * of lock-free code).  membarrier_bug.c leaves the call out. */
#define _GNU_SOURCE
#include <linux/membarrier.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#define RLX memory_order_relaxed

struct obj {
	int data;
};
static _Atomic(struct obj *) shared, hp, retired;
static volatile int sink;

static void *reader(void *arg)
{
	struct obj *p;

	(void)arg;
	do {
		p = atomic_load_explicit(&shared, RLX);
		atomic_store_explicit(&hp, p, RLX);
		atomic_signal_fence(memory_order_seq_cst);
	} while (p != atomic_load_explicit(&shared, memory_order_acquire));
	sink = p->data;
	atomic_store_explicit(&hp, NULL, memory_order_release);
	return NULL;
}

static void *reclaimer(void *arg)
{
	struct obj *n = malloc(sizeof *n), *old;

	(void)arg;
	n->data = 2;
	old = atomic_exchange_explicit(&shared, n, memory_order_acq_rel);
#ifndef NO_MEMBARRIER
	syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
#endif
	if (atomic_load_explicit(&hp, memory_order_acquire) != old)
		free(old);
	else
		atomic_store(&retired, old);
	return NULL;
}

int main(void)
{
	struct obj *o = malloc(sizeof *o);
	pthread_t a, b;

	o->data = 1;
	atomic_init(&shared, o);
	syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0,
		0);
	pthread_create(&a, NULL, reader, NULL);
	pthread_create(&b, NULL, reclaimer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	free(atomic_load(&retired));
	free(atomic_load(&shared));
	return 0;
}
