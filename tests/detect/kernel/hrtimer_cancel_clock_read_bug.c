// An hrtimer's callback queues a recovery work; teardown cancels the work
// first and the timer second, so a callback that fires in between queues
// the work again, and it runs on freed memory.  The read of jiffies at the
// end (hrtimer_cancel's step is on the clock's domain, as the read is)
// once hid the callback's firing: verified in one schedule.  The twin
// cancels the timer first.
//! expect: bug use-after-free
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct wdev {
	struct hrtimer wd;
	struct work_struct recover;
	int recoveries;
};

static void recover_fn(struct work_struct *w)
{
	container_of(w, struct wdev, recover)->recoveries++;
}

static enum hrtimer_restart wd_fn(struct hrtimer *t)
{
	schedule_work(&container_of(t, struct wdev, wd)->recover);
	return HRTIMER_NORESTART;
}

WEFT_TEST(hrtimer_work_teardown_then_jiffies)
{
	struct wdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	INIT_WORK(&d->recover, recover_fn);
	hrtimer_init(&d->wd, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	d->wd.function = wd_fn;
	hrtimer_start(&d->wd, ms_to_ktime(1), HRTIMER_MODE_REL);
#ifdef FIXED
	hrtimer_cancel(&d->wd);
	cancel_work_sync(&d->recover);
#else
	cancel_work_sync(&d->recover);
	hrtimer_cancel(&d->wd);
#endif
	kfree(d);
	(void)READ_ONCE(jiffies);
}
