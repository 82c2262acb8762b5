//! expect(migrate_then_flush): verified
//! expect(migrate_then_cancel): verified
//! expect(requeue_on_second_queue): verified
/* A work that moves itself to another workqueue on its first run (which
 * cancel_work_sync's documentation allows), and one queued on a second
 * queue while it still runs on the first: it runs there too, and
 * flush_work and cancel_work_sync wait for it.  The model let an instance
 * queued on the second queue wait for the one running on the first, where
 * no worker of the second queue would ever take it: a false deadlock (a
 * probe of kernel patterns).  The counter is atomic, so the two instances
 * of work_two_queues_bug.c's race do not matter here. */
#include <linux/atomic.h>
#include <linux/workqueue.h>

static atomic_t runs;

static void migrate_fn(struct work_struct *w)
{
	if (atomic_inc_return(&runs) == 1)
		queue_work(system_unbound_wq, w);
}

static void count_fn(struct work_struct *w)
{
	(void)w;
	atomic_inc(&runs);
}

static DECLARE_WORK(migrating, migrate_fn);
static DECLARE_WORK(counting, count_fn);

WEFT_TEST(migrate_then_flush)
{
	queue_work(system_wq, &migrating);
	flush_work(&migrating);   /* the first run ... */
	flush_work(&migrating);   /* ... and the one it queued */
	WARN_ON(atomic_read(&runs) != 2);
}

WEFT_TEST(migrate_then_cancel)
{
	queue_work(system_wq, &migrating);
	cancel_work_sync(&migrating);
	WARN_ON(work_pending(&migrating));
}

WEFT_TEST(requeue_on_second_queue)
{
	queue_work(system_wq, &counting);
	queue_work(system_unbound_wq, &counting);
	flush_work(&counting);
	flush_work(&counting);
	WARN_ON(atomic_read(&runs) < 1);
}
