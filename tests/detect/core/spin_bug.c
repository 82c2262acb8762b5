//! expect: bug livelock
/* A spin loop that never exits on one interleaving: the worker gives up
 * (and never sets done) when it sees the stop flag first, but the waiter
 * spins on done regardless. */
#include <weft/weft.h>

static weft_atomic_t stop, done;

static void worker(void *arg)
{
	(void)arg;
	if (weft_atomic_load(&stop))
		return;
	weft_atomic_store(&done, 1);
}

WEFT_TEST(spin_forever)
{
	weft_thread_t w = weft_spawn(worker, NULL);
	weft_atomic_store(&stop, 1);
	while (!weft_atomic_load(&done))
		weft_yield();
	weft_join(w);
}
