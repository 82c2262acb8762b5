//! expect: bug livelock
/* The twin that is a livelock: a loop that only yields, changing nothing,
 * while the main thread waits for it. */
#include <weft/weft.h>

static weft_atomic_t stop;

static void worker(void *a)
{
	(void)a;
	while (!weft_atomic_load(&stop))
		weft_yield();
}

WEFT_TEST(yields_forever)
{
	weft_thread_t t = weft_spawn(worker, 0);
	weft_join(t);
	weft_atomic_store(&stop, 1);
}
