//! expect: bug livelock
/* Two threads spin on a flag nobody sets: every runnable thread spins,
 * a livelock.  cli/reports also runs it with --spin-bound above half of
 * --max-steps, where the bound is cut to that half and the report says
 * to raise --max-steps (it said to raise --spin-bound, which changed
 * nothing). */
#include <weft/weft.h>

static weft_atomic_t flag;

static void spin(void *arg)
{
	(void)arg;
	while (!weft_atomic_load(&flag))
		;
}

WEFT_TEST(spin_together)
{
	weft_thread_t a = weft_spawn(spin, NULL);
	weft_thread_t b = weft_spawn(spin, NULL);

	weft_join(a);
	weft_join(b);
}
