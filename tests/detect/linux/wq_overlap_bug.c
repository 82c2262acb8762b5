//! expect(two_works_one_queue): bug assertion
//! expect(two_works_marked): bug assertion
/* Two different works of one workqueue with several workers
 * (alloc_workqueue's max_active 0) update one counter without a lock,
 * as if the queue ran them one at a time; only an ordered queue does
 * (wq_overlap_ok.c).  The second worker is enabled only while the first
 * is busy (the lowest idle worker takes the next work), so the first
 * worker's work_done disables it: before the search raced a step that
 * waited with the step that disabled it, the two works never overlapped
 * and both tests were verified in 21 schedules.  The second test uses
 * READ_ONCE and WRITE_ONCE, scheduling points of their own, so the lost
 * update does not depend on the race detector. */
#include <weft/linux.h>

static struct workqueue_struct *wq;
static struct work_struct rx, tx;
static unsigned long stats, marked;

static void rx_fn(struct work_struct *w)
{
	(void)w;
	stats += 1;
}

static void tx_fn(struct work_struct *w)
{
	(void)w;
	stats += 100;
}

static void marked_fn(struct work_struct *w)
{
	unsigned long v = READ_ONCE(marked);

	(void)w;
	WRITE_ONCE(marked, v + 1);
}

static struct workqueue_struct *stats_queue(void)
{
#ifdef WEFT_OVERLAP_FIXED
	return alloc_ordered_workqueue("stats", 0);
#else
	return alloc_workqueue("stats", 0, 0);
#endif
}

WEFT_TEST(two_works_one_queue)
{
	wq = stats_queue();
	INIT_WORK(&rx, rx_fn);
	INIT_WORK(&tx, tx_fn);
	queue_work(wq, &rx);
	queue_work(wq, &tx);
	destroy_workqueue(wq);
	WARN_ON(stats != 101);
}

WEFT_TEST(two_works_marked)
{
	wq = stats_queue();
	INIT_WORK(&rx, marked_fn);
	INIT_WORK(&tx, marked_fn);
	queue_work(wq, &rx);
	queue_work(wq, &tx);
	destroy_workqueue(wq);
	WARN_ON(READ_ONCE(marked) != 2);
}
