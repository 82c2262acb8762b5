//! expect: bug data-race
/* One work queued on system_wq and, from another task, on
 * system_unbound_wq.  The kernel keeps a work from running twice at once
 * only within one workqueue (queue_work sends it to the pool still
 * running it only when that runs it for the same queue), so both
 * instances may run together and race on the counter.  The model let the
 * second instance wait for the first (a false deadlock on a work that
 * moves itself to another queue, work_two_queues_ok.c), and once that was
 * fixed the explorer still took the first worker's work_done for a
 * release, never tried the second queue's worker before it, and verified
 * this in 40 schedules (a probe of kernel patterns). */
#include <linux/kthread.h>
#include <linux/workqueue.h>

static int count;

static void fn(struct work_struct *w)
{
	(void)w;
	count++;
}

static DECLARE_WORK(work, fn);

static int other(void *arg)
{
	(void)arg;
	queue_work(system_unbound_wq, &work);
	return 0;
}

WEFT_TEST(one_work_two_queues)
{
	struct task_struct *t;

	queue_work(system_wq, &work);
	t = kthread_create(other, NULL, "other");
	get_task_struct(t);
	wake_up_process(t);
	kthread_stop(t);
	put_task_struct(t);
	flush_work(&work);
}
