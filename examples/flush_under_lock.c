//! expect: bug deadlock
/* The README's example: a driver flushes its work item while holding the
 * mutex the work item itself takes (the shape of seeds 002 and 004). */
#include <weft/linux.h>

static DEFINE_MUTEX(dev_mutex);
static struct workqueue_struct *wq;
static struct work_struct reset_work;
static int resets;

static void reset_task(struct work_struct *w)
{
	(void)w;
	mutex_lock(&dev_mutex);
	resets++;
	mutex_unlock(&dev_mutex);
}

static void dev_down(void *arg)
{
	(void)arg;
	mutex_lock(&dev_mutex);
	flush_workqueue(wq);        /* waits for reset_task ... */
	mutex_unlock(&dev_mutex);   /* ... which waits for dev_mutex */
}

WEFT_TEST(flush_under_lock)
{
	wq = alloc_workqueue("dev_wq", 0, 1);
	INIT_WORK(&reset_work, reset_task);
	queue_work(wq, &reset_work);
	weft_thread_t t = weft_spawn(dev_down, NULL);
	weft_join(t);
	destroy_workqueue(wq);
}
