// flush_work() of a delayed work whose timer has not fired: the work is
// not queued yet, so the flush returns at once, and the timer later
// queues the work in freed memory.  flush_dwork_timer_ok.c uses
// flush_delayed_work(), which takes the timer back and runs the work
// now.  The report names the delayed work and where it was armed (it was
// a write of the whole work at the queueing's line).  (A helper's probe
// of driver teardown orders.)
//! expect: bug use-after-free
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct dev {
	struct delayed_work dw;
	int n;
};

static void dw_fn(struct work_struct *w)
{
	struct dev *d = container_of(to_delayed_work(w), struct dev, dw);

	d->n++;
}

WEFT_TEST(flush_pending_dwork)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	INIT_DELAYED_WORK(&d->dw, dw_fn);
	schedule_delayed_work(&d->dw, 3);
#ifdef OK
	flush_delayed_work(&d->dw);
#else
	flush_work(&d->dw.work);
#endif
	kfree(d);
	msleep(5);
}
