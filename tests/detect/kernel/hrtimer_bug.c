// hrtimer_try_to_cancel() returns -1 while the callback runs; ignoring
// it and freeing the object races the callback.
//! expect: bug use-after-free
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include <linux/delay.h>

struct poller {
	struct hrtimer timer;
	int ticks;
};

static enum hrtimer_restart poll_fn(struct hrtimer *t)
{
	struct poller *p = container_of(t, struct poller, timer);

	p->ticks++;
	return HRTIMER_NORESTART;
}

WEFT_TEST(try_to_cancel_then_kfree)
{
	struct poller *p = kzalloc(sizeof(*p), GFP_KERNEL);

	hrtimer_setup(&p->timer, poll_fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start(&p->timer, ms_to_ktime(1), HRTIMER_MODE_REL);
	msleep(1);
	hrtimer_try_to_cancel(&p->timer);
	kfree(p);
}
