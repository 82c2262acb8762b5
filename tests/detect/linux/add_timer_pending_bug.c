// <weft/linux.h>'s add_timer on a timer already pending: the kernel warns
// (WARN_ON_ONCE(timer_pending(timer)); a BUG_ON before Linux 6.2) and
// leaves it as it is.  add_timer was mod_timer, and this was verified.
// add_timer_pending_ok.c re-arms with mod_timer.
//! expect: bug misuse
#include <weft/linux.h>

static struct timer_list wdt;

static void wdt_fn(struct timer_list *t)
{
	(void)t;
}

WEFT_TEST(add_timer_twice)
{
	timer_setup(&wdt, wdt_fn, 0);
	wdt.expires = jiffies + 10;
	add_timer(&wdt);
#ifdef FIXED
	mod_timer(&wdt, jiffies + 10);
#else
	add_timer(&wdt);
#endif
	del_timer_sync(&wdt);
}
