// A periodic hrtimer (its callback always returns HRTIMER_RESTART) is
// active from hrtimer_start to hrtimer_cancel: hrtimer_active() reads the
// queued state and the running state under one sequence count, so it is
// never false in between.  weft read them in two steps, and the
// callback's end and re-arm between them made it inactive: a false bug (a
// review's probe).  hrtimer_active_bug.c's callback does not restart: the
// timer may be inactive by the check.
//! expect: verified
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>

static struct hrtimer ht;
static int ticks;

static enum hrtimer_restart fn(struct hrtimer *t)
{
	WRITE_ONCE(ticks, READ_ONCE(ticks) + 1);
	hrtimer_forward_now(t, ms_to_ktime(1));
#ifdef ONESHOT
	return HRTIMER_NORESTART;
#else
	return HRTIMER_RESTART;
#endif
}

WEFT_TEST(hr_active_periodic)
{
	hrtimer_setup(&ht, fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	hrtimer_start(&ht, ms_to_ktime(1), HRTIMER_MODE_REL_SOFT);
	msleep(1);
	WARN_ON(!hrtimer_active(&ht));
	hrtimer_cancel(&ht);
}
