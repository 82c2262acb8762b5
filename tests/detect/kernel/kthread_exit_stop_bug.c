// A poller that gives up on its own when its device reports an error,
// and a teardown that stops it: once the function returned, the kernel
// reaps the kthread and frees its task, so the kthread_stop of the
// teardown reads freed memory (kthread_stop's documented rule: a caller
// whose thread may exit by itself must hold a reference).
// reference_after_run takes get_task_struct() after kthread_run, which is
// too late: the poller may be gone by then.  kthread_exit_stop_ok.c
// creates the poller asleep, takes the reference, then wakes it, and
// drops the reference after the stop.  weft took such a kthread_stop for
// a plain join.
//! expect: bug use-after-free
#include <linux/kthread.h>
#include <linux/sched.h>

static int dev_error = 1;
static int polls;

static int poll_fn(void *arg)
{
	(void)arg;
	while (!kthread_should_stop()) {
		if (READ_ONCE(dev_error))
			return -EIO; /* gives up: the task ends here */
		polls++;
		schedule_timeout_interruptible(1);
	}
	return 0;
}

WEFT_TEST(poller_gives_up)
{
#ifdef OK
	/* The reference is taken before the thread can run. */
	struct task_struct *t = kthread_create(poll_fn, NULL, "poller");

	get_task_struct(t);
	wake_up_process(t);
#else
	struct task_struct *t = kthread_run(poll_fn, NULL, "poller");
#endif
	/* ... the device runs, then is torn down. */
	kthread_stop(t);
#ifdef OK
	put_task_struct(t);
#endif
}

/* A reference taken after kthread_run comes too late: the poller may
 * have given up and been reaped already. */
WEFT_TEST(reference_after_run)
{
#ifdef OK
	struct task_struct *t = kthread_create(poll_fn, NULL, "poller");

	get_task_struct(t);
	wake_up_process(t);
#else
	struct task_struct *t = kthread_run(poll_fn, NULL, "poller");

	get_task_struct(t);
#endif
	kthread_stop(t);
	put_task_struct(t);
}
