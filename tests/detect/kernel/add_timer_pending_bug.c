// Two paths arm a watchdog with "if (!timer_pending()) add_timer()": both
// may see it idle, and the second add_timer() finds it pending, which the
// kernel's add_timer() warns about (WARN_ON_ONCE(timer_pending(timer)),
// a BUG_ON before Linux 6.2) and leaves as it is.  add_timer was
// mod_timer, and this was verified (a probe).  add_timer_pending_ok.c
// uses mod_timer, the race-free form.
//! expect: bug misuse
#include <linux/timer.h>
#include <linux/spinlock.h>

static struct timer_list wdt;
static int fires;
static void wdt_fn(struct timer_list *t) { (void)t; fires++; }

static void kick(void)
{
#ifdef FIXED
	mod_timer(&wdt, jiffies + 10);
#else
	if (!timer_pending(&wdt))
		add_timer(&wdt);
#endif
}

static void kicker(void *x) { (void)x; kick(); }

WEFT_TEST(add_timer_race)
{
	weft_thread_t t;

	timer_setup(&wdt, wdt_fn, 0);
	wdt.expires = jiffies + 10;
	t = weft_spawn(kicker, NULL);
	kick();
	weft_join(t);
	del_timer_sync(&wdt);
}
