//! expect(cas_spinlock): verified
//! expect(exchange_spinlock): verified
//! args: --strategy=dfs
/* Spinlocks built on compare-exchange and on exchange (test-and-set): a
 * failed compare-exchange, or an exchange that finds the flag already set,
 * only reads, so the waiter is a polling thread (it yields to the others,
 * within the fairness bound the verdict states), not a livelock.  Resetting
 * the expected value in the retry loop writes the thread's own stack only,
 * which is no progress.  spinlock_bug.c releases the lock too early. */
#include <weft/weft.h>

static weft_atomic_t lock, counter;

static void cas_worker(void *arg)
{
	long expected = 0;

	(void)arg;
	while (!weft_atomic_cas(&lock, &expected, 1))
		expected = 0;
	weft_atomic_store(&counter, weft_atomic_load(&counter) + 1);
	weft_atomic_store(&lock, 0);
}

static void xchg_worker(void *arg)
{
	(void)arg;
	while (weft_atomic_exchange(&lock, 1))
		;
	weft_atomic_store(&counter, weft_atomic_load(&counter) + 1);
	weft_atomic_store(&lock, 0);
}

static void two(void (*fn)(void *))
{
	weft_thread_t a = weft_spawn(fn, NULL), b = weft_spawn(fn, NULL);

	weft_join(a);
	weft_join(b);
	weft_assert(weft_atomic_load(&counter) == 2);
}

WEFT_TEST(cas_spinlock) { two(cas_worker); }
WEFT_TEST(exchange_spinlock) { two(xchg_worker); }
