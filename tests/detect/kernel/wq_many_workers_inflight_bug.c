//! expect: bug assertion
/* Five system_wq works each count themselves in and sleep until the
 * device is ready; the fifth to arrive sees four in flight and the WARN
 * fires: system_wq runs a worker for each sleeping work.  With 4
 * workers per queue the fifth never started before one of the four
 * returned, and this was verified with --preemption-bound=0 and 1 and
 * passed every search (a probe of kernel patterns).  The fix is a queue
 * of max_active 4 (wq_many_workers_inflight_ok.c). */
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/completion.h>
#include <linux/workqueue.h>

static atomic_t inflight = ATOMIC_INIT(0);
static DECLARE_COMPLETION(ready);
static struct work_struct w[5];

static void xfer(struct work_struct *x)
{
	(void)x;
	WARN_ON(atomic_inc_return(&inflight) > 4);
	wait_for_completion(&ready);
	atomic_dec(&inflight);
}

WEFT_TEST(five_in_flight)
{
#ifdef OK
	struct workqueue_struct *wq = alloc_workqueue("dma", WQ_UNBOUND, 4);
#else
	struct workqueue_struct *wq = system_wq;
#endif

	for (int i = 0; i < 5; i++) {
		INIT_WORK(&w[i], xfer);
		queue_work(wq, &w[i]);
	}
	complete_all(&ready);
	for (int i = 0; i < 5; i++)
		flush_work(&w[i]);
#ifdef OK
	destroy_workqueue(wq);
#endif
}
