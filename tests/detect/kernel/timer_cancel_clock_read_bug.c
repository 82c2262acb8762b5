// A driver's teardown stops its watchdog with del_timer(), which does not
// wait for a handler already running on another CPU, frees the device and
// then records when it went (a read of jiffies).  The read of the clock
// after the cancel once hid the handler's firing from the search: the
// cancel's race with the clock's next step was taken for one the read
// stood for, and the use-after-free was verified in one schedule.
// The twin waits for the handler (timer_delete_sync).
//! expect: bug use-after-free
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

struct wdev {
	struct timer_list watchdog;
	int timeouts;
};

static unsigned long removed_at;

static void wdev_timeout(struct timer_list *t)
{
	struct wdev *d = from_timer(d, t, watchdog);

	d->timeouts++;
}

WEFT_TEST(watchdog_teardown_then_jiffies)
{
	struct wdev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	timer_setup(&d->watchdog, wdev_timeout, 0);
	mod_timer(&d->watchdog, jiffies + 1);
#ifdef FIXED
	timer_delete_sync(&d->watchdog);
#else
	del_timer(&d->watchdog);
#endif
	kfree(d);
	removed_at = jiffies;
}
