// A driver's teardown cancels its delayed work with cancel_delayed_work(),
// which does not wait for a callback already running, frees the device,
// then queues and flushes an unrelated work on another system queue.
// A dw_fn that started before the cancel writes freed
// memory.  The twin uses cancel_delayed_work_sync().
// The worker the timer handler starts reaches its work after the cancel;
// the order with it started first was never tried, and dfs verified it in
// 13 schedules where random and pct schedules found the use-after-free.
//! expect: bug use-after-free
//! args: --strategy=dfs
#include <linux/slab.h>
#include <linux/jiffies.h>
#include <linux/workqueue.h>

struct dev {
	struct delayed_work dw;
	int n;
};
static struct work_struct ow;

static void ow_fn(struct work_struct *w) { (void)w; }
static void dw_fn(struct work_struct *w)
{
	struct dev *d = container_of(to_delayed_work(w), struct dev, dw);

	d->n++;
}

WEFT_TEST(dwork_cancel_other_queue)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	INIT_WORK(&ow, ow_fn);
	INIT_DELAYED_WORK(&d->dw, dw_fn);
	schedule_delayed_work(&d->dw, 1);
#ifdef FIXED
	cancel_delayed_work_sync(&d->dw);
#else
	cancel_delayed_work(&d->dw);
#endif
	kfree(d);
	queue_work(system_long_wq, &ow);
	flush_work(&ow);
}
