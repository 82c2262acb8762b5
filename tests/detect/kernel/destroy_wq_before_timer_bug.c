// Teardown destroys the driver's workqueue before it stops the timer
// that queues work on it: the timer fires in between and queues on a
// destroyed queue.  The fix stops the timer first (a common
// teardown-order fix).
//! expect: bug use-after-free
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

struct hdev {
	struct workqueue_struct *wq;
	struct timer_list cmd_timer;
	struct work_struct cmd_work;
	int n;
};

static void cmd_work_fn(struct work_struct *w)
{
	struct hdev *h = container_of(w, struct hdev, cmd_work);

	h->n++;
}

static void cmd_timeout(struct timer_list *t)
{
	struct hdev *h = from_timer(h, t, cmd_timer);

	queue_work(h->wq, &h->cmd_work);
}

WEFT_TEST(close_dev)
{
	struct hdev *h = kzalloc(sizeof(*h), GFP_KERNEL);

	h->wq = alloc_workqueue("hci0", WQ_HIGHPRI | WQ_UNBOUND, 1);
	INIT_WORK(&h->cmd_work, cmd_work_fn);
	timer_setup(&h->cmd_timer, cmd_timeout, 0);
	mod_timer(&h->cmd_timer, jiffies + 1);
#ifdef FIXED
	timer_shutdown_sync(&h->cmd_timer);
	destroy_workqueue(h->wq);
#else
	destroy_workqueue(h->wq);
	timer_shutdown_sync(&h->cmd_timer);
#endif
	kfree(h);
}
