//! expect: pass
//! args: --strategy=pct --depth=3 --iterations=20000
/* pct_short_bug's twin: the samples only ever see the status grow, in
 * every schedule PCT draws. */
#include <weft/weft.h>

static weft_atomic_t status;

static void loader(void *arg)
{
	(void)arg;
	weft_atomic_store(&status, 1);
	weft_atomic_store(&status, 2);
}

WEFT_TEST(three_preemptions)
{
	weft_thread_t t = weft_spawn(loader, NULL);
	long first = weft_atomic_load(&status);
	long second = weft_atomic_load(&status);

	weft_join(t);
	weft_assert(first <= second);
}
