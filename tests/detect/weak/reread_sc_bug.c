//! expect: bug assertion
//! args: --strategy=dfs
/* Found by tools/oracle/weak.py (seed 695), where weft said verified: a
 * seq_cst load of x0 that reads the initial 0 (t1's release store of 1 is
 * not a seq_cst store, and nothing orders it before the load), then a
 * relaxed load of x0 that reads 0 again.  weak.c gave the initial value
 * the release clock the store's own step had just left on x0, so the
 * first load acquired t1's store and the second could not miss it.
 * reread_sc_ok.c orders the loads after t1's stores. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef FIRST
#define FIRST memory_order_relaxed
#endif

static atomic_int x0, x1;
static int r0, r1, r2;

static void *t0(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x1, 1, memory_order_seq_cst);
	r0 = atomic_load_explicit(&x1, FIRST);
	r1 = atomic_load_explicit(&x0, memory_order_seq_cst);
	r2 = atomic_load_explicit(&x0, memory_order_relaxed);
	return NULL;
}

static void *t1(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x0, 1, memory_order_release);
	atomic_store_explicit(&x1, 2, memory_order_seq_cst);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t0, NULL);
	pthread_create(&b, NULL, t1, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(r0 == 2 && r1 == 0 && r2 == 0));
	return 0;
}
