//! expect: verified
//! args: --strategy=dfs
/* flush_work while holding a mutex that the work's function takes.  Here
 * the work has already finished when the flush happens, so no execution
 * hangs, and the flush of the idle work orders nothing: lockdep since
 * Linux 6.9 adds "dev_lock -> work" only when the flush finds the work
 * pending or running (this was expected lock-order, as older lockdep
 * reported it; kernel/flush_idle_lockorder_* has the twin that can
 * wait). */
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

WEFT_TEST(flush_under_lock)
{
	schedule_work(&dev_work);
	flush_work(&dev_work);
	mutex_lock(&dev_lock);
	flush_work(&dev_work); /* idle by now, but the order is wrong */
	mutex_unlock(&dev_lock);
}
