//! expect: bug deadlock
/* Five works meet: each says it has started and waits until the test
 * saw all five start.  On system_wq, whose limit is 256 works per CPU,
 * all five run at once and the test ends.  weft ran at most 4 workers
 * on any queue, so the fifth never started and the OK twin was a false
 * deadlock (a probe of kernel patterns: the thread holding a mutex four
 * system_wq works waited for flushed a fifth, "pending behind" them).
 * The bug twin's queue runs 4 at a time (WQ_UNBOUND, max_active 4): the
 * fifth really waits for a sleeping one.  UNBOUND0 makes the OK twin
 * an unbound queue of the default limit (alloc_workqueue(.., 0)). */
#include <linux/completion.h>
#include <linux/workqueue.h>

static DECLARE_COMPLETION(started);
static DECLARE_COMPLETION(go);
static struct work_struct w[5];

static void meet(struct work_struct *x)
{
	(void)x;
	complete(&started);
	wait_for_completion(&go);
}

WEFT_TEST(five_works_meet)
{
#if defined(OK) && !defined(UNBOUND0)
	struct workqueue_struct *wq = system_wq;
#elif defined(OK)
	struct workqueue_struct *wq = alloc_workqueue("five", WQ_UNBOUND, 0);
#else
	struct workqueue_struct *wq = alloc_workqueue("four", WQ_UNBOUND, 4);
#endif

	for (int i = 0; i < 5; i++) {
		INIT_WORK(&w[i], meet);
		queue_work(wq, &w[i]);
	}
	for (int i = 0; i < 5; i++)
		wait_for_completion(&started);
	complete_all(&go);
	for (int i = 0; i < 5; i++)
		flush_work(&w[i]);
#if !defined(OK) || defined(UNBOUND0)
	destroy_workqueue(wq);
#endif
}
