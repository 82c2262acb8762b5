// A polling kthread queues a work at every tick; remove() cancels the
// work and then stops the thread, which can queue the work again in
// between: it runs on the freed device.  poller_remove_ok.c stops the
// thread first, then cancels.  Under PCT the correct order ended at the
// step limit, inconclusive: the poller, the worker and the timer thread
// could always run, and the test thread woken from its own msleep never
// ran again (a starved thread now rises above every priority after 2048
// steps).  (A helper's probe of driver teardown orders.)
//! expect: bug use-after-free
//! args: --strategy=pct --iterations=2000
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct dev {
	struct task_struct *poller;
	struct work_struct rx;
	int state;
};

static void rx_fn(struct work_struct *w)
{
	struct dev *d = container_of(w, struct dev, rx);

	WRITE_ONCE(d->state, 2);
}

static int poll_thread(void *arg)
{
	struct dev *d = arg;

	while (!kthread_should_stop()) {
		schedule_work(&d->rx);
		msleep(1);
	}
	return 0;
}

WEFT_TEST(remove_with_poller)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	INIT_WORK(&d->rx, rx_fn);
	d->poller = kthread_create(poll_thread, d, "poller");
	get_task_struct(d->poller);
	wake_up_process(d->poller);
	msleep(1);
#ifdef OK
	kthread_stop(d->poller);
	cancel_work_sync(&d->rx);
#else
	cancel_work_sync(&d->rx);
	kthread_stop(d->poller);
#endif
	put_task_struct(d->poller);
	kfree(d);
}
