//! expect: verified
/* The correct twin: the worker always reports, either done or gave-up,
 * so the spin loop exits on every interleaving. */
#include <weft/weft.h>

static weft_atomic_t stop, state;

static void worker(void *arg)
{
	(void)arg;
	if (weft_atomic_load(&stop)) {
		weft_atomic_store(&state, 2);
		return;
	}
	weft_atomic_store(&state, 1);
}

WEFT_TEST(spin_exits)
{
	weft_thread_t w = weft_spawn(worker, NULL);
	weft_atomic_store(&stop, 1);
	while (!weft_atomic_load(&state))
		weft_yield();
	weft_join(w);
}
