//! args: --starve-bound=20
/* Pins the verdict of a search that fair scheduling without yields
 * bounded: a worker that loops until the test thread sets a flag, writing
 * as it loops (so it is not spinning), ran --starve-bound steps while the
 * test thread could run, and was made to wait for it; the verification
 * says which bound it rests on. */
#include <weft/weft.h>

static weft_atomic_t stop, ticks;

static void worker(void *arg)
{
	(void)arg;
	while (!weft_atomic_load(&stop))
		weft_atomic_fetch_add(&ticks, 1);
}

WEFT_TEST(busy_until_stopped)
{
	weft_thread_t t = weft_spawn(worker, NULL);

	weft_atomic_store(&stop, 1);
	weft_join(t);
}
