// Two timers queued with add_timer_on count in one plain counter.  One
// CPU's timer softirq runs its expired callbacks one after another
// (expire_timers), so two timers pinned to the same CPU do not race
// (timer_pinned_cpu_ok.c); weft ran each timer's handler as on a CPU of
// its own, and that was a false data race (a review's probe).  Here they
// are pinned to two CPUs, whose softirqs run at once: a data race.
//! expect: bug data-race
#include <linux/delay.h>
#include <linux/timer.h>

static struct timer_list a, b;
static unsigned long count;

static void fa(struct timer_list *t)
{
	(void)t;
	count++;
}

static void fb(struct timer_list *t)
{
	(void)t;
	count++;
}

WEFT_TEST(two_pinned_timers)
{
	timer_setup(&a, fa, TIMER_PINNED);
	timer_setup(&b, fb, TIMER_PINNED);
	a.expires = jiffies + 1;
	b.expires = jiffies + 2;
	add_timer_on(&a, 0);
#ifdef FIXED
	add_timer_on(&b, 0);
#else
	add_timer_on(&b, 1);
#endif
	msleep(5);
	del_timer_sync(&a);
	del_timer_sync(&b);
	WARN_ON(READ_ONCE(count) > 2);
}
