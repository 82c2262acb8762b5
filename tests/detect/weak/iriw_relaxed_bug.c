//! expect: bug assertion
//! args: --strategy=dfs
/* Independent reads of independent writes (IRIW): two readers see the two
 * writes in opposite orders.  C11 allows it for anything weaker than
 * seq_cst (acquire loads too); iriw_seqcst_ok.c forbids it. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef ORD
#define ORD memory_order_acquire
#endif

static atomic_int x, y;
static int a, b, c, d;

static void *wx(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, ORD == memory_order_seq_cst
					     ? memory_order_seq_cst
					     : memory_order_release);
	return NULL;
}

static void *wy(void *arg)
{
	(void)arg;
	atomic_store_explicit(&y, 1, ORD == memory_order_seq_cst
					     ? memory_order_seq_cst
					     : memory_order_release);
	return NULL;
}

static void *rxy(void *arg)
{
	(void)arg;
	a = atomic_load_explicit(&x, ORD);
	b = atomic_load_explicit(&y, ORD);
	return NULL;
}

static void *ryx(void *arg)
{
	(void)arg;
	c = atomic_load_explicit(&y, ORD);
	d = atomic_load_explicit(&x, ORD);
	return NULL;
}

int main(void)
{
	pthread_t t[4];

	pthread_create(&t[0], NULL, wx, NULL);
	pthread_create(&t[1], NULL, wy, NULL);
	pthread_create(&t[2], NULL, rxy, NULL);
	pthread_create(&t[3], NULL, ryx, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	assert(!(a == 1 && b == 0 && c == 1 && d == 0));
	return 0;
}
