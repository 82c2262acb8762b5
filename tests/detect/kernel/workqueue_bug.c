// cancel_work_sync() under the mutex the work takes: the canceller waits
// for the work, the work waits for the mutex.
//! expect: bug deadlock
#include <linux/workqueue.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(dev_lock);
static struct work_struct reset_work;
static int resets;

static void reset_fn(struct work_struct *w)
{
	(void)w;
	mutex_lock(&dev_lock);
	resets++;
	mutex_unlock(&dev_lock);
}

WEFT_TEST(cancel_under_lock)
{
	INIT_WORK(&reset_work, reset_fn);
	schedule_work(&reset_work);
	mutex_lock(&dev_lock);
	cancel_work_sync(&reset_work);
	mutex_unlock(&dev_lock);
}
