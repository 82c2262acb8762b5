// A driver starts its poller (kthread_create, get_task_struct and
// wake_up_process: the poller may return at once) and then records the
// task in its device: the poller can run first and find no task recorded.
// kthread_create_ok.c creates the thread asleep (kthread_create), records
// it, and only then wakes it (kthread_create used to fail to compile);
// a thread created and stopped before it was woken never runs.
//! expect: bug crash
#include <linux/kthread.h>
#include <linux/sched.h>

struct dev {
	struct task_struct *poller;
	int polls;
};

static struct dev the_dev;

static int poll_fn(void *arg)
{
	struct dev *d = arg;

	BUG_ON(READ_ONCE(d->poller) != current);
	d->polls++;
	return 0;
}

static int never_fn(void *arg)
{
	(void)arg;
	BUG();
	return 0;
}

WEFT_TEST(kthread_create_then_wake)
{
	struct task_struct *t, *idle;

#ifdef OK
	t = kthread_create(poll_fn, &the_dev, "poller");
	get_task_struct(t);
	WRITE_ONCE(the_dev.poller, t);
	wake_up_process(t);
#else
	t = kthread_create(poll_fn, &the_dev, "poller");
	get_task_struct(t);
	wake_up_process(t);
	WRITE_ONCE(the_dev.poller, t);
#endif
	/* Created, never woken, stopped: its function never runs. */
	idle = kthread_create(never_fn, NULL, "idle");
	BUG_ON(kthread_stop(idle) != -EINTR);
	kthread_stop(t);
	put_task_struct(t);
}
