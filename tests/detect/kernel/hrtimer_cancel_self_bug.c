// An hrtimer callback that calls hrtimer_cancel() on its own timer (via
// a shared stop helper) waits for itself to finish.  The fix returns
// HRTIMER_NORESTART from the callback instead.
//! expect: bug misuse
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/delay.h>

static struct hrtimer poll_timer;
static int polls;

static void stop_polling(bool in_cb)
{
#ifdef FIXED
	if (!in_cb)
		hrtimer_cancel(&poll_timer);
#else
	(void)in_cb;
	hrtimer_cancel(&poll_timer);
#endif
}

static enum hrtimer_restart poll_fn(struct hrtimer *t)
{
	(void)t;
	if (++polls >= 2) {
		stop_polling(true);
		return HRTIMER_NORESTART;
	}
	hrtimer_forward_now(t, ms_to_ktime(1));
	return HRTIMER_RESTART;
}

WEFT_TEST(poll)
{
	hrtimer_init(&poll_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	poll_timer.function = poll_fn;
	hrtimer_start(&poll_timer, ms_to_ktime(1), HRTIMER_MODE_REL);
	msleep(10);
	stop_polling(false);
}
