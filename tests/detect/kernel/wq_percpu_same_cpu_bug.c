//! expect: bug deadlock
/* Two works queued back to back from one task on a per-CPU queue with
 * max_active 1 usually land on the same CPU, where the second waits for
 * the first; the first waits for the second's completion: a deadlock.
 * The model gave every work queued from a preemptible task a CPU of its
 * own, so the two never met and this was verified in 60 schedules (a
 * probe of kernel patterns).  The fix, max_active 2, is
 * wq_percpu_same_cpu_ok.c. */
#include <linux/completion.h>
#include <linux/workqueue.h>

#ifndef MAX_ACTIVE
#define MAX_ACTIVE 1
#endif

static DECLARE_COMPLETION(b_done);

static void a_fn(struct work_struct *w)
{
	(void)w;
	wait_for_completion(&b_done);
}

static void b_fn(struct work_struct *w)
{
	(void)w;
	complete(&b_done);
}

static DECLARE_WORK(wa, a_fn);
static DECLARE_WORK(wb, b_fn);

WEFT_TEST(wait_for_the_next_work)
{
	struct workqueue_struct *wq = alloc_workqueue("pc", 0, MAX_ACTIVE);

	queue_work(wq, &wa);
	queue_work(wq, &wb);
	flush_work(&wa);
	destroy_workqueue(wq);
}
