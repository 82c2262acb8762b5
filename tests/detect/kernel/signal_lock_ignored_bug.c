// A write handler takes its device mutex with mutex_lock_interruptible
// and ignores the result: with the mutex busy, a signal to the writer
// ends the wait with -EINTR and the handler goes on without the lock,
// then unlocks a mutex it does not hold.  Signals never came in the
// Linux models (only kthread_stop's), and this was verified.
// signal_lock_ignored_ok.c returns -EINTR as a driver must.
//! expect: bug misuse
//! args: --strategy=dfs
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(dev_lock);
static int count;

static int poller(void *arg)
{
	(void)arg;
	mutex_lock(&dev_lock);
	count++;
	mutex_unlock(&dev_lock);
	return 0;
}

static int dev_write(void)
{
#ifdef FIXED
	if (mutex_lock_interruptible(&dev_lock))
		return -EINTR;
#else
	mutex_lock_interruptible(&dev_lock);
#endif
	count++;
	mutex_unlock(&dev_lock);
	return 0;
}

WEFT_TEST(signal_lock_ignored)
{
	struct task_struct *t = kthread_create(poller, NULL, "poller");

	get_task_struct(t);
	wake_up_process(t);
	dev_write();
	kthread_stop(t);
	put_task_struct(t);
}
