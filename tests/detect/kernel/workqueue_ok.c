// The fix of workqueue_bug.c (cancel outside the lock), and the other
// workqueue names: an ordered queue, an unbound queue, queue_work_on,
// queue_work_node, mod_delayed_work, flush_delayed_work and
// cancel_delayed_work_sync.
//! expect: verified
#include <linux/workqueue.h>
#include <linux/mutex.h>
#include <linux/atomic.h>

static DEFINE_MUTEX(dev_lock);
static struct work_struct reset_work, other_work;
static struct delayed_work poll_work;
static int resets;
static atomic_t polls = ATOMIC_INIT(0);

static void reset_fn(struct work_struct *w)
{
	(void)w;
	mutex_lock(&dev_lock);
	resets++;
	mutex_unlock(&dev_lock);
}

static void poll_fn(struct work_struct *w)
{
	struct delayed_work *d = to_delayed_work(w);

	(void)d;
	atomic_inc(&polls);
}

WEFT_TEST(cancel_outside_lock)
{
	INIT_WORK(&reset_work, reset_fn);
	schedule_work(&reset_work);
	mutex_lock(&dev_lock);
	resets++;
	mutex_unlock(&dev_lock);
	cancel_work_sync(&reset_work);
}

WEFT_TEST(ordered_and_unbound)
{
	struct workqueue_struct *ordered, *unbound;

	ordered = alloc_ordered_workqueue("dev_ordered", 0);
	unbound = alloc_workqueue("dev_unbound", WQ_UNBOUND, 0);
	INIT_WORK(&reset_work, reset_fn);
	INIT_WORK(&other_work, reset_fn);
	queue_work_on(1, ordered, &reset_work);
	queue_work_node(0, unbound, &other_work);
	destroy_workqueue(ordered);
	destroy_workqueue(unbound);
	WARN_ON(resets != 2);
}

WEFT_TEST(delayed)
{
	INIT_DELAYED_WORK(&poll_work, poll_fn);
	queue_delayed_work(system_wq, &poll_work, 5);
	mod_delayed_work(system_wq, &poll_work, 1);
	flush_delayed_work(&poll_work);
	WARN_ON(atomic_read(&polls) < 1);
	cancel_delayed_work_sync(&poll_work);
}
