//! expect: verified
//! args: --strategy=dfs
/* The twin of wq_flush_idle_lock_ok: the flush happens outside the
 * mutex the work takes. */
#include <weft/linux.h>

static DEFINE_MUTEX(dev_lock);
static int counter;

static void dev_work_fn(struct work_struct *w)
{
	(void)w;
	mutex_lock(&dev_lock);
	counter++;
	mutex_unlock(&dev_lock);
}

static DECLARE_WORK(dev_work, dev_work_fn);

WEFT_TEST(flush_outside_lock)
{
	schedule_work(&dev_work);
	mutex_lock(&dev_lock);
	counter++;
	mutex_unlock(&dev_lock);
	flush_work(&dev_work);
	mutex_lock(&dev_lock);
	weft_assert(counter == 2);
	mutex_unlock(&dev_lock);
}
