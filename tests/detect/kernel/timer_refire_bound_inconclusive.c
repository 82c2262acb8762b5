// A periodic heartbeat timer; the probe path waits for five heartbeats
// before declaring the link up, then shuts the timer down.  A timer that
// re-arms itself fires at most WEFT_TIMER_REFIRE_BOUND (3) times in one
// execution, so the wait for a fifth beat hangs: that hang is weft's
// bound, not the program's, and the verdict is inconclusive (it was a
// deadlock, a false alarm from a kernel tester's program).
//! expect: inconclusive
//! args: --strategy=dfs
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/jiffies.h>

struct mydev {
	struct timer_list hb;
	wait_queue_head_t wq;
	int beats;
};

static void mydev_hb(struct timer_list *t)
{
	struct mydev *d = from_timer(d, t, hb);

	WRITE_ONCE(d->beats, d->beats + 1);
	wake_up(&d->wq);
	mod_timer(&d->hb, jiffies + HZ / 10);
}

WEFT_TEST(wait_five_beats)
{
	struct mydev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	init_waitqueue_head(&d->wq);
	timer_setup(&d->hb, mydev_hb, 0);
	mod_timer(&d->hb, jiffies + HZ / 10);
	wait_event(d->wq, READ_ONCE(d->beats) >= 5);
	timer_shutdown_sync(&d->hb);
	kfree(d);
}
