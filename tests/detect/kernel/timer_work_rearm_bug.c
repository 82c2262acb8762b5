// A watchdog timer queues a work and the work re-arms the timer.  The
// teardown del_timer_sync()s, then cancel_work_sync()s: a work running
// at the del_timer_sync() re-arms the timer after it, and the timer
// fires on the freed device.  timer_shutdown_sync() (which
// the timer_shutdown series of Linux 6.2 added for such teardowns)
// keeps the running work from re-arming it.
//! expect: bug use-after-free
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

struct wdev {
	struct timer_list wd;
	struct work_struct poll;
	int polls;
};

static void wd_fire(struct timer_list *t)
{
	struct wdev *d = from_timer(d, t, wd);

	schedule_work(&d->poll);
}

static void poll_fn(struct work_struct *w)
{
	struct wdev *d = container_of(w, struct wdev, poll);

	d->polls++;
	mod_timer(&d->wd, jiffies + 1);
}

WEFT_TEST(teardown)
{
	struct wdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	timer_setup(&d->wd, wd_fire, 0);
	INIT_WORK(&d->poll, poll_fn);
	mod_timer(&d->wd, jiffies + 1);
	msleep(1);
#ifdef FIXED
	timer_shutdown_sync(&d->wd);
#else
	del_timer_sync(&d->wd);
#endif
	cancel_work_sync(&d->poll);
	kfree(d);
}
