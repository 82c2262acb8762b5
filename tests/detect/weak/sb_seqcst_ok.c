//! expect: verified
//! args: --strategy=dfs
/* The twin of sb_relaxed_bug.c with seq_cst stores and loads: one total
 * order of all four, so one of the loads comes after both stores. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_seq_cst

static atomic_int x, y;
static int r1, r2;

static void *t1(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, RLX);
	r1 = atomic_load_explicit(&y, RLX);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	atomic_store_explicit(&y, 1, RLX);
	r2 = atomic_load_explicit(&x, RLX);
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
