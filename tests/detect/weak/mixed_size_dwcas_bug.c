//! expect: bug data-race
//! args: --strategy=dfs
/* A Treiber stack's 16-byte {ptr, tag} head swapped by a double-width
 * release compare-exchange; the popper peeks at the pointer half with an
 * 8-byte load and reads the node's payload.  Relaxed, it is a data race.
 * mixed_size_dwcas_ok.c peeks with acquire, which synchronises with the
 * compare-exchange: weft started the history again from memory when the
 * size changed, with no release clock, and reported a data race (a
 * probe). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stddef.h>

#ifndef SUB
#define SUB __ATOMIC_RELAXED
#endif

struct node {
	struct node *next;
	int v;
};
struct head {
	struct node *p;
	uintptr_t tag;
};

static _Atomic struct head top;
static struct node n1;
int sink;

static void *pusher(void *arg)
{
	struct head h = atomic_load_explicit(&top, memory_order_relaxed), nh;

	(void)arg;
	n1.v = 42;
	do {
		n1.next = h.p;
		nh.p = &n1;
		nh.tag = h.tag + 1;
	} while (!atomic_compare_exchange_strong_explicit(
		&top, &h, nh, memory_order_release, memory_order_relaxed));
	return NULL;
}

static void *peeker(void *arg)
{
	struct node *p;

	(void)arg;
	p = __atomic_load_n((struct node **)&top, SUB);
	if (p)
		sink = p->v;
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, pusher, NULL);
	pthread_create(&b, NULL, peeker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
