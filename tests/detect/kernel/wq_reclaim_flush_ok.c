//! expect: verified
/* wq_reclaim_flush_bug.c with the waited-for work on a WQ_MEM_RECLAIM
 * queue; and a legacy create_workqueue queue's work flushing system_wq,
 * which the kernel does not check. */
#define AUX_FLAGS WQ_MEM_RECLAIM
#include "wq_reclaim_flush_bug.c"

static struct workqueue_struct *legacy_wq;

static void legacy_fn(struct work_struct *w)
{
	(void)w;
	queue_work(system_wq, &aux);
	flush_work(&aux);
}

static DECLARE_WORK(legacy, legacy_fn);

WEFT_TEST(legacy_queue_flushes_system_wq)
{
	legacy_wq = create_workqueue("legacy");
	queue_work(legacy_wq, &legacy);
	flush_work(&legacy);
	destroy_workqueue(legacy_wq);
}
