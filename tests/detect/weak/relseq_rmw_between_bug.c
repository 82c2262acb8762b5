//! expect: bug data-race
//! args: --strategy=dfs
/* C11's release sequence (5.1.2.4): headed by a release store, it goes on
 * through the heading thread's later stores and through anyone's
 * read-modify-writes.  Here the head is t1's release store of 1; t0's
 * relaxed compare-exchange (1 to 2) continues it, but t0's own relaxed
 * store of 5 after it does not (t0 did not head it), so t2's acquire
 * load reading 5 synchronises with nothing, and its read of data races
 * with t1's write.  weft carried the latest store's whole release clock
 * on to a store of the same thread, and verified this.  The twin
 * (relseq_rmw_between_ok.c) has the head's own thread make the third
 * store, which is in the sequence: it was a false data race. */
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int x;
static int data;
int seen;

static void *t1(void *a)
{
	data = 42;
	atomic_store_explicit(&x, 1, memory_order_release);
#ifdef FIXED
	while (atomic_load_explicit(&x, RLX) != 2)
		;
	atomic_store_explicit(&x, 5, RLX);
#endif
	return a;
}

static void *t0(void *a)
{
	int e = 1;

	while (!atomic_compare_exchange_weak_explicit(&x, &e, 2, RLX, RLX))
		e = 1;
#ifndef FIXED
	atomic_store_explicit(&x, 5, RLX);
#endif
	return a;
}

static void *t2(void *a)
{
	if (atomic_load_explicit(&x, memory_order_acquire) == 5)
		seen = data;
	return a;
}

int main(void)
{
	pthread_t a, b, c;

	pthread_create(&a, 0, t1, 0);
	pthread_create(&b, 0, t0, 0);
	pthread_create(&c, 0, t2, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	pthread_join(c, 0);
	return 0;
}
