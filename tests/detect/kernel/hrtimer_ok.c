// The fix of hrtimer_bug.c: hrtimer_cancel() waits for the callback.  A
// periodic hrtimer that forwards itself, and ktime arithmetic.
//! expect: verified
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
	hrtimer_forward_now(t, ms_to_ktime(1));
	return HRTIMER_RESTART;
}

WEFT_TEST(cancel_then_kfree)
{
	struct poller *p = kzalloc(sizeof(*p), GFP_KERNEL);
	ktime_t t0 = ktime_get(), t1;

	hrtimer_init(&p->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	p->timer.function = poll_fn;
	hrtimer_start(&p->timer, ms_to_ktime(1), HRTIMER_MODE_REL);
	msleep(2);
	t1 = ktime_get();
	WARN_ON(ktime_to_ns(ktime_sub(t1, t0)) < 2 * NSEC_PER_MSEC);
	WARN_ON(ktime_ms_delta(t1, t0) < 2);
	hrtimer_cancel(&p->timer);
	WARN_ON(hrtimer_active(&p->timer));
	kfree(p);
}
