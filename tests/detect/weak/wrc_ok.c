//! expect: verified
//! args: --strategy=dfs
/* Write-to-read causality (WRC): t2 sees t1's store of x and then
 * publishes y with release; t3 acquires y and reads x.  t2's read of x
 * happens before t3's, which may not read older (a tester's program that
 * weft reported).  wrc_bug.c publishes y relaxed: nothing orders t3 after
 * t2 then, and t3 may read x == 0. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef PUB
#define PUB memory_order_release
#define SUB memory_order_acquire
#endif

static atomic_int x, y;

static void *t1(void *arg)
{
	(void)arg;
	atomic_store_explicit(&x, 1, memory_order_relaxed);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	if (atomic_load_explicit(&x, memory_order_relaxed) == 1)
		atomic_store_explicit(&y, 1, PUB);
	return NULL;
}

static void *t3(void *arg)
{
	(void)arg;
	if (atomic_load_explicit(&y, SUB) == 1)
		assert(atomic_load_explicit(&x, memory_order_relaxed) == 1);
	return NULL;
}

int main(void)
{
	pthread_t a, b, c;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_create(&c, NULL, t3, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	pthread_join(c, NULL);
	return 0;
}
