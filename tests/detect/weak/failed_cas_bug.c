//! expect: bug assertion
//! args: --strategy=dfs
/* Message passing through a flag that a third thread tries, and fails,
 * to swap.  A failed compare-exchange is only a load: with the flag
 * published relaxed (here) the reader may see it and not the payload.
 * failed_cas_ok.c publishes it seq_cst, where a failed seq_cst
 * compare-exchange was recorded as a store of the value it did not store:
 * the reader's acquire lost the publisher's release, a false assertion
 * (and a false data race in a Treiber stack and a Michael-Scott queue). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef PUB
#define PUB memory_order_relaxed
#endif

static atomic_int data, flag;

static void *pub(void *arg)
{
	(void)arg;
	atomic_store_explicit(&data, 1, memory_order_relaxed);
	atomic_store_explicit(&flag, 1, PUB);
	return NULL;
}

static void *cas_fail(void *arg)
{
	int expected = 5;

	(void)arg;
	atomic_compare_exchange_strong(&flag, &expected, 7);
	return NULL;
}

static void *rd(void *arg)
{
	(void)arg;
	if (atomic_load(&flag) == 1)
		assert(atomic_load_explicit(&data, memory_order_relaxed) == 1);
	return NULL;
}

int main(void)
{
	pthread_t a, b, c;

	pthread_create(&a, NULL, pub, NULL);
	pthread_create(&b, NULL, cas_fail, NULL);
	pthread_create(&c, NULL, rd, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	pthread_join(c, NULL);
	return 0;
}
