//! expect(cas_spinlock): bug assertion
//! expect(exchange_spinlock): bug assertion
//! args: --strategy=dfs
/* The twin of spinlock_ok.c with the lock released before the counter is
 * written back: two increments can overlap and one is lost. */
#include <weft/weft.h>

static weft_atomic_t lock, counter;

static void cas_worker(void *arg)
{
	long expected = 0, v;

	(void)arg;
	while (!weft_atomic_cas(&lock, &expected, 1))
		expected = 0;
	v = weft_atomic_load(&counter);
	weft_atomic_store(&lock, 0);
	weft_atomic_store(&counter, v + 1);
}

static void xchg_worker(void *arg)
{
	long v;

	(void)arg;
	while (weft_atomic_exchange(&lock, 1))
		;
	v = weft_atomic_load(&counter);
	weft_atomic_store(&lock, 0);
	weft_atomic_store(&counter, v + 1);
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
