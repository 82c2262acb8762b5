// A kthread queues a work; the test disables it (disable_work_sync: it
// cannot be queued again) and stops the kthread.  The worker may take the
// work before the disable, and the work's function fails its assertion.
// The exhaustive search verified it for a while: the liveness dependence
// (an exit against a worker's take, src/op.h) made the test's exit an
// immediate predecessor of the blocked take, which hid its race with the
// disable (found by a review; odpor.h's struct preds keeps the liveness
// predecessors apart now).  disable_race_ok.c disables the work before
// the kthread starts.
//! expect(disable_vs_worker): bug assertion
#include <linux/kthread.h>
#include <linux/workqueue.h>

static void fn(struct work_struct *w)
{
	(void)w;
	weft_assert(0 && "the work ran");
}

static DECLARE_WORK(ev, fn);

static int kick(void *arg)
{
	(void)arg;
	schedule_work(&ev);
	return 0;
}

WEFT_TEST(disable_vs_worker)
{
	struct task_struct *t;

#ifdef DISABLE_FIRST
	disable_work_sync(&ev);
	t = kthread_create(kick, NULL, "kick");
	get_task_struct(t);
	wake_up_process(t);
#else
	t = kthread_create(kick, NULL, "kick");
	get_task_struct(t);
	wake_up_process(t);
	disable_work_sync(&ev);
#endif
	kthread_stop(t);
	put_task_struct(t);
}
