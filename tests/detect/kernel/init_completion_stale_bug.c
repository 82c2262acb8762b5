// init_completion() of a completion another thread may be using, after
// the flag that sends the waiter to it: the order "flag set, waiter checks
// the flag and waits, init_completion" lets the waiter consume the
// previous round's count and return before the new round's work is done.
// The init was neither a step nor a write the race detector saw, so that
// order never ran (a probe of kernel driver patterns); with a
// clear_bit of the flag before the complete, as seed 000's join has, the
// exhaustive search also needed the wait's race with the step that had
// disabled it before it was reached (odpor_reverse.c).
// init_completion_stale_ok.c re-inits before publishing the flag.
//! expect: bug assertion
#include <linux/completion.h>
#include <linux/bitops.h>
#include <linux/compiler.h>

static struct completion done;
static unsigned long flags;
static int joined;

static void joiner(void *arg)
{
	(void)arg;
#ifdef OK
	init_completion(&done);
	smp_mb__before_atomic();
	set_bit(0, &flags);
#else
	set_bit(0, &flags);
	init_completion(&done);
#endif
	WRITE_ONCE(joined, 1);
	clear_bit(0, &flags);
	complete(&done);
}

WEFT_TEST(init_completion_stale)
{
	init_completion(&done);
	complete(&done); /* the previous round */
	weft_thread_t t = weft_spawn(joiner, NULL);
	if (test_bit(0, &flags)) {
		smp_rmb();
		wait_for_completion(&done);
		WARN_ON(!READ_ONCE(joined));
	}
	weft_join(t);
}
