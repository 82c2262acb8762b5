//! expect(flush_work_of_system_wq): bug misuse
//! expect(flush_plain_queue): bug misuse
//! expect(cancel_sync_of_system_wq): bug misuse
/* A work on a WQ_MEM_RECLAIM queue waits for work on a queue without a
 * rescuer: flush_work of a work on system_wq, flush_workqueue of a plain
 * queue, cancel_work_sync of a work on system_wq.  When memory is short
 * only the reclaim queue's rescuer runs, and the wait may never end; the
 * kernel warns (check_flush_dependency).  The flag was accepted and
 * ignored, and this was verified (a probe of kernel patterns).
 * wq_reclaim_flush_ok.c puts the waited-for work on a WQ_MEM_RECLAIM
 * queue, or flushes from a legacy create_workqueue queue. */
#include <linux/workqueue.h>

#ifndef AUX_FLAGS
#define AUX_FLAGS 0
#endif

static struct workqueue_struct *io_wq, *aux_wq;
static int done;
static int how;

static void aux_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(done, 1);
}

static DECLARE_WORK(aux, aux_fn);

static void io_fn(struct work_struct *w)
{
	(void)w;
	switch (how) {
	case 0:
		queue_work(AUX_FLAGS ? aux_wq : system_wq, &aux);
		flush_work(&aux);
		break;
	case 1:
		queue_work(aux_wq, &aux);
		flush_workqueue(aux_wq);
		break;
	default:
		queue_work(AUX_FLAGS ? aux_wq : system_wq, &aux);
		cancel_work_sync(&aux);
		break;
	}
}

static DECLARE_WORK(io, io_fn);

static void run(int h)
{
	how = h;
	io_wq = alloc_workqueue("io", WQ_MEM_RECLAIM, 0);
	aux_wq = alloc_workqueue("aux", AUX_FLAGS, 0);
	queue_work(io_wq, &io);
	flush_work(&io);
	destroy_workqueue(io_wq);
	destroy_workqueue(aux_wq);
}

WEFT_TEST(flush_work_of_system_wq)
{
	run(0);
}

WEFT_TEST(flush_plain_queue)
{
	run(1);
}

WEFT_TEST(cancel_sync_of_system_wq)
{
	run(2);
}
