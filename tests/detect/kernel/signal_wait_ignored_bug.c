// An ioctl asks the device for a reply and waits for it with
// wait_event_interruptible, ignoring the result: a signal to the calling
// process ends the wait with -ERESTARTSYS before the reply is there, and
// the ioctl returns a reply it never got.  Signals never came in the
// Linux models, and this was verified (a probe of seed-style programs).
// signal_wait_ignored_ok.c returns -ERESTARTSYS as a driver must.
//! expect: bug assertion
//! args: --strategy=dfs
#include <linux/errno.h>
#include <linux/module.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

static DECLARE_WAIT_QUEUE_HEAD(rep_wq);
static int ready, reply;

static void dev_fn(struct work_struct *w)
{
	(void)w;
	reply = 7;
	smp_store_release(&ready, 1);
	wake_up(&rep_wq);
}
static DECLARE_WORK(dev_work, dev_fn);

static long my_ioctl(void)
{
	schedule_work(&dev_work);
#ifdef FIXED
	if (wait_event_interruptible(rep_wq, smp_load_acquire(&ready)))
		return -ERESTARTSYS;
#else
	wait_event_interruptible(rep_wq, smp_load_acquire(&ready));
#endif
	return smp_load_acquire(&ready) ? reply : 0;
}

WEFT_TEST(signal_wait_ignored)
{
	long r = my_ioctl();

	WARN_ON(r != 7 && r != -ERESTARTSYS);
	flush_work(&dev_work);
}
