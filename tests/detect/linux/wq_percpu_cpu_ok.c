//! expect(chain_on_percpu_max1): verified
//! expect(two_under_spinlock): verified
//! expect(queue_work_on_same_cpu): verified
/* Works a per-CPU queue with max_active 1 runs one at a time, as the
 * kernel does: a work queued from a work (a per-CPU worker stays on its
 * CPU), two queued with preemption off (the thread stays on its CPU),
 * two queued for one CPU with queue_work_on.  When the model let a
 * per-CPU queue run any two works at once, these were false races (a
 * review found them); wq_percpu_bug.c in tests/detect/kernel has the
 * works that do run at once. */
#include <weft/linux.h>

static struct workqueue_struct *wq;
static struct work_struct wa, wb;
static int stats;

static void fb(struct work_struct *w)
{
	(void)w;
	stats++;
}

static void fa(struct work_struct *w)
{
	(void)w;
	/* Queued from this work's own worker, a per-CPU one bound to this
	 * CPU: with max_active 1 on a per-CPU queue, wb waits for fa. */
	queue_work(wq, &wb);
	stats++;
}

WEFT_TEST(chain_on_percpu_max1)
{
	wq = alloc_workqueue("chain", 0, 1);
	INIT_WORK(&wa, fa);
	INIT_WORK(&wb, fb);
	queue_work(wq, &wa);
	destroy_workqueue(wq);
}

static DEFINE_SPINLOCK(lk);
WEFT_TEST(two_under_spinlock)
{
	unsigned long f;
	wq = alloc_workqueue("pair", 0, 1);
	INIT_WORK(&wa, fb);
	INIT_WORK(&wb, fb);
	/* Preemption is off: both go to this CPU, one at a time. */
	spin_lock_irqsave(&lk, f);
	queue_work(wq, &wa);
	queue_work(wq, &wb);
	spin_unlock_irqrestore(&lk, f);
	destroy_workqueue(wq);
}

WEFT_TEST(queue_work_on_same_cpu)
{
	wq = alloc_workqueue("on", 0, 1);
	INIT_WORK(&wa, fb);
	INIT_WORK(&wb, fb);
	queue_work_on(0, wq, &wa);
	queue_work_on(0, wq, &wb);
	destroy_workqueue(wq);
}
