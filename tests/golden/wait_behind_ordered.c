//! needs: pthread
//! args: --strategy=dfs
/* Pins the report of a wait_event in a work of an ordered workqueue for
 * a condition that only a work queued after it on the same queue sets:
 * the waker is named, queued behind the waiting work, and the cycle runs
 * through the queue.  (The Linux models: the core-only builds leave it
 * out, as the pthread layer.) */
#include <weft/linux.h>

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
	queue_work(wq, &ready_work);
	flush_workqueue(wq);
	destroy_workqueue(wq);
}
