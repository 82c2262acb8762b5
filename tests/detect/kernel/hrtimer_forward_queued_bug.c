// A rate-change path calls hrtimer_forward_now() from process context on
// an hrtimer that may still be queued, its expiry already past (the
// callback has not run yet).  hrtimer_forward() warns on a queued timer
// (WARN_ON(timer->state & HRTIMER_STATE_ENQUEUED)) and leaves it as it
// is; it is for the callback or an inactive timer.  It did not check, and
// this was verified (a probe).  hrtimer_forward_queued_ok.c re-arms with
// hrtimer_start.
//! expect: bug misuse
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/delay.h>

static struct hrtimer hr;
static int ticks;

static enum hrtimer_restart hfn(struct hrtimer *h)
{
	(void)h;
	ticks++;
	return HRTIMER_NORESTART;
}

WEFT_TEST(hrtimer_forward_outside)
{
	hrtimer_setup(&hr, hfn, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start(&hr, ms_to_ktime(1), HRTIMER_MODE_REL);
	msleep(2);
#ifdef FIXED
	hrtimer_start(&hr, ms_to_ktime(10), HRTIMER_MODE_REL);
#else
	hrtimer_forward_now(&hr, ms_to_ktime(10));
#endif
	hrtimer_cancel(&hr);
}
