// Two works of the system workqueue each drop a count and the one that
// sees it reach zero completes the waiter, with atomic_dec and then
// atomic_read, as drivers/md's dec_pending once did: both can read zero
// (dec, dec, read, read), and both complete.  The works overlap only when
// the queue's second worker takes the second work while the first still
// runs the first; the first worker's work_done was a release, and the
// explorer never tries what a release disables (it leaves the first
// worker idle, which stops the second), so that order was never tried:
// verified in 9 schedules (found by a probe of kernel patterns).  It is
// now an ordinary step when the queue has a later worker.
// wq_two_workers_dec_ok.c uses atomic_dec_and_test.
//! expect(both_see_zero): bug crash
#include <linux/completion.h>
#include <linux/workqueue.h>

static atomic_t cnt = ATOMIC_INIT(2);
static atomic_t hits = ATOMIC_INIT(0);
static DECLARE_COMPLETION(done);
static struct work_struct w0, w1;

static void drop(struct work_struct *w)
{
	(void)w;
	atomic_dec(&cnt);
	if (atomic_read(&cnt) == 0) {
		atomic_inc(&hits);
		complete(&done);
	}
}

WEFT_TEST(both_see_zero)
{
	INIT_WORK(&w0, drop);
	INIT_WORK(&w1, drop);
	schedule_work(&w0);
	schedule_work_on(1, &w1);
	wait_for_completion(&done);
	flush_work(&w0);
	flush_work(&w1);
	BUG_ON(atomic_read(&hits) == 2);
}
