//! expect: bug assertion
//! args: --strategy=dfs
/* sb_relaxed_bug.c with seq_cst loads but relaxed stores: a seq_cst load
 * is ordered with the other seq_cst operations only, and the stores are
 * not among them, so both loads can still read 0 (x86 runs this as two
 * plain moves each).  sb_seqcst_ok.c makes the stores seq_cst too. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int x, y;
static int r1, r2;

static void *t1(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, memory_order_relaxed);
	r1 = atomic_load_explicit(&y, memory_order_seq_cst);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	atomic_store_explicit(&y, 1, memory_order_relaxed);
	r2 = atomic_load_explicit(&x, memory_order_seq_cst);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(r1 == 0 && r2 == 0));
	return 0;
}
