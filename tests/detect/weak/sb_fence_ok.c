//! expect: verified
//! args: --strategy=dfs
/* The twin of sb_relaxed_bug.c with a seq_cst fence between each thread's
 * store and load: the fences are ordered, and the load after the later
 * fence sees the store before the earlier one (C11 32.4, the fence rule;
 * the usual fix of Dekker's protocol). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int x, y;
static int r1, r2;

static void *t1(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, RLX);
	atomic_thread_fence(memory_order_seq_cst);
	r1 = atomic_load_explicit(&y, RLX);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	atomic_store_explicit(&y, 1, RLX);
	atomic_thread_fence(memory_order_seq_cst);
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
