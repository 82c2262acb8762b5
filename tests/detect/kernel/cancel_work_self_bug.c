// A work function that cancel_work_sync()s its own work (through a
// shared teardown helper) waits for itself.  The fix uses the non-sync
// cancel from inside the work.
//! expect: bug deadlock
#include <linux/workqueue.h>
#include <linux/mutex.h>

static struct work_struct reset_work;
static int resets;

static void dev_stop(bool from_work)
{
#ifdef FIXED
	if (from_work)
		cancel_work(&reset_work);
	else
		cancel_work_sync(&reset_work);
#else
	(void)from_work;
	cancel_work_sync(&reset_work);
#endif
}

static void reset_fn(struct work_struct *w)
{
	(void)w;
	resets++;
	dev_stop(true);
}

WEFT_TEST(reset_cancels_itself)
{
	INIT_WORK(&reset_work, reset_fn);
	schedule_work(&reset_work);
	flush_work(&reset_work);
	dev_stop(false);
}
