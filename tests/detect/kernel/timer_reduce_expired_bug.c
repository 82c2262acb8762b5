// timer_reduce() never moves a pending timer's expiry later: on a timer
// still pending (armed at start+1; its expiry may have passed while the
// timer softirq has not yet taken it off the wheel) a later deadline
// leaves it as it is and returns 1, so ->expires is still start+1.
// weft asked only whether the clock's event was armed, so on a timer
// whose expiry had passed but whose handler had not started it re-armed
// the timer at start+50 and returned 1, postponing a run that was due
// (found by a probe of timer semantics; the twin was a false assertion).
// Here the bug: mod_timer(), which does move it; timer_reduce_expired_ok.c
// uses timer_reduce().
//! expect: bug assertion
#include <linux/timer.h>

static struct timer_list flush_timer;

static void flush_fn(struct timer_list *t) { (void)t; }

WEFT_TEST(reduce_keeps_earlier)
{
	unsigned long start = jiffies;

	timer_setup(&flush_timer, flush_fn, 0);
	mod_timer(&flush_timer, start + 1);
#ifdef OK
	if (timer_reduce(&flush_timer, start + 50))
#else
	if (mod_timer(&flush_timer, start + 50))
#endif
		WARN_ON(flush_timer.expires != start + 1);
	del_timer_sync(&flush_timer);
}
