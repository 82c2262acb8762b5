// A driver arms a timer for 10 jiffies, polls jiffies until 20 have
// passed, and takes the handler's work as done: a timer's handler runs at
// its expiry or any time after (its CPU busy, ksoftirqd not scheduled), so
// the deadline proves nothing.  The clock moved for a poller only while
// nothing else could run, so the handler always ran first and this was
// verified (a probe); now a poll that continues while the handler could
// run (an unfair continuation, within --fair-bound) moves it a tick.
// poll_deadline_handler_ok.c polls for the handler's flag, with the
// deadline as a timeout, and cancels the timer before the free.
//! expect: bug assertion
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <asm/processor.h>

struct dev {
	struct timer_list t;
	int done;
};

static void fn(struct timer_list *t)
{
	struct dev *d = from_timer(d, t, t);

	WRITE_ONCE(d->done, 1);
}

WEFT_TEST(poll_deadline_handler)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	unsigned long deadline;

	timer_setup(&d->t, fn, 0);
	mod_timer(&d->t, jiffies + 10);
	deadline = jiffies + 20;
#ifdef FIXED
	while (!READ_ONCE(d->done) && time_before(jiffies, deadline))
		cpu_relax();
#else
	while (time_before(jiffies, deadline))
		cpu_relax();
	WARN_ON(!READ_ONCE(d->done));
#endif
	del_timer_sync(&d->t);
	kfree(d);
}
