//! expect: bug deadlock
/* A per-CPU queue with max_active 1 and one work queued on each of
 * CPUs 0-4 (queue_work_on), which wait until all five have started, as
 * a per-CPU setup barrier does: each CPU runs its own, all five start.
 * weft's 4 workers per queue kept the fifth from starting: the OK twin
 * was a false deadlock (a probe of kernel patterns).  The bug: all five
 * on CPU 0, where they run one at a time and the first waits for ever. */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/workqueue.h>

static atomic_t started = ATOMIC_INIT(0);
static DECLARE_COMPLETION(all_in);
static struct work_struct w[5];

static void fn(struct work_struct *x)
{
	(void)x;
	if (atomic_inc_return(&started) == 5)
		complete_all(&all_in);
	wait_for_completion(&all_in);
}

WEFT_TEST(one_work_per_cpu_meet)
{
	struct workqueue_struct *wq = alloc_workqueue("pcpu", 0, 1);

	for (int i = 0; i < 5; i++) {
		INIT_WORK(&w[i], fn);
#ifdef OK
		queue_work_on(i, wq, &w[i]);
#else
		queue_work_on(0, wq, &w[i]);
#endif
	}
	flush_workqueue(wq);
	destroy_workqueue(wq);
}
