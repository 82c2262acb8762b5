//! expect(assumption_sometimes_holds): verified executions=1
//! expect(assumption_never_holds): inconclusive all-pruned
//! args: --strategy=dfs
/* Executions cut by a failed assumption check nothing.  When some survive,
 * the verdict stands on them (and says how many were pruned); when none
 * does, nothing was verified and the test is inconclusive, never
 * "verified (0 schedules)". */
#include <weft/weft.h>

static weft_atomic_t x;

static void setter(void *arg)
{
	(void)arg;
	weft_atomic_store(&x, 1);
}

WEFT_TEST(assumption_sometimes_holds)
{
	weft_thread_t t = weft_spawn(setter, NULL);

	weft_assume(weft_atomic_load(&x) == 1);
	weft_join(t);
	weft_assert(weft_atomic_load(&x) == 1);
}

WEFT_TEST(assumption_never_holds)
{
	weft_thread_t t = weft_spawn(setter, NULL);

	weft_assume(weft_atomic_load(&x) == 2);
	weft_join(t);
}
