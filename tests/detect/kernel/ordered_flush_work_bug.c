// A work on an ordered workqueue flush_work()s another work queued on
// the same queue after it: the second cannot start until the first
// returns.  The fix queues the second work on a different workqueue.
//! expect: bug deadlock
#include <linux/workqueue.h>

static struct workqueue_struct *ordered, *other;
static struct work_struct release_work, teardown_work;
static int released;

static void release_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(released, 1);
}

static void teardown_fn(struct work_struct *w)
{
	(void)w;
#ifdef FIXED
	queue_work(other, &release_work);
#else
	queue_work(ordered, &release_work);
#endif
	flush_work(&release_work);
	WARN_ON(!READ_ONCE(released));
}

WEFT_TEST(flush_in_ordered)
{
	ordered = alloc_ordered_workqueue("nvmet_wq", 0);
	other = alloc_workqueue("release_wq", 0, 0);
	INIT_WORK(&release_work, release_fn);
	INIT_WORK(&teardown_work, teardown_fn);
	queue_work(ordered, &teardown_work);
	flush_workqueue(ordered);
	destroy_workqueue(ordered);
	destroy_workqueue(other);
}
