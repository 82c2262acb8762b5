//! expect: bug assertion
/* An unprotected increment: load and store are separate steps, so two
 * threads can both read 0 and the count ends at 1. */
#include <weft/weft.h>

static weft_atomic_t counter;

static void inc(void *arg)
{
	(void)arg;
	long v = weft_atomic_load(&counter);
	weft_atomic_store(&counter, v + 1);
}

WEFT_TEST(racy_counter)
{
	weft_thread_t a = weft_spawn(inc, NULL);
	weft_thread_t b = weft_spawn(inc, NULL);
	weft_join(a);
	weft_join(b);
	weft_assert(weft_atomic_load(&counter) == 2);
}
