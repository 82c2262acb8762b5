// A work of an ordered queue waits (wait_event) for a condition only a
// work queued after it on the same queue sets: that work cannot start
// before the waiting one ends.  The report once said "a wake_up of
// ready_q ..., which nobody has woken"; it now says that work ready_fn
// would wake it but is queued behind reset_fn on ordered workqueue dev_wq,
// and draws the cycle through the queue (the text is pinned by
// tests/golden/wait_behind_ordered.c).  The ok twin queues ready_fn on
// the system workqueue, where another worker runs it.
//! expect: bug deadlock
//! args: --strategy=dfs
#include <linux/workqueue.h>
#include <linux/wait.h>

static struct workqueue_struct *wq;
static struct work_struct reset_work, ready_work;
static DECLARE_WAIT_QUEUE_HEAD(ready_q);
static int ready;

static void ready_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(ready, 1);
	wake_up(&ready_q);
}

static void reset_fn(struct work_struct *w)
{
	(void)w;
	wait_event(ready_q, READ_ONCE(ready));
}

WEFT_TEST(wait_behind)
{
	wq = alloc_ordered_workqueue("dev_wq", 0);
	INIT_WORK(&reset_work, reset_fn);
	INIT_WORK(&ready_work, ready_fn);
	queue_work(wq, &reset_work);
#ifdef OK
	schedule_work(&ready_work);
#else
	queue_work(wq, &ready_work);
#endif
	flush_workqueue(wq);
	flush_work(&ready_work);
	destroy_workqueue(wq);
}
