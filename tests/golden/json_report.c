//! args: --strategy=dfs --format=json
/* Pins the JSON report: one object per test with the documented fields. */
#include <weft/weft.h>

static weft_atomic_t counter;

static void inc(void *arg)
{
	(void)arg;
	long v = weft_atomic_load(&counter);
	weft_atomic_store(&counter, v + 1);
}

WEFT_TEST(lost_update)
{
	weft_thread_t a = weft_spawn(inc, NULL);
	weft_thread_t b = weft_spawn(inc, NULL);
	weft_join(a);
	weft_join(b);
	weft_assert(weft_atomic_load(&counter) == 2);
}

WEFT_TEST(clean)
{
	weft_thread_t a = weft_spawn(inc, NULL);
	weft_join(a);
	weft_assert(weft_atomic_load(&counter) == 1);
}
