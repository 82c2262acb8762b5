// A driver hands its poller a context that the poller frees when it is
// stopped, and stops the poller at once on a failed probe.  A
// kthread_stop right after kthread_run can come before the new thread
// first runs: the kernel then never calls the function, kthread_stop
// returns -EINTR, and the context leaks.  kthread_run_stop_ok.c frees it
// itself when kthread_stop says the function never ran.
//! expect: bug leak
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct poll_ctx {
	int polls;
};

static int poll_fn(void *arg)
{
	struct poll_ctx *c = arg;

	set_current_state(TASK_INTERRUPTIBLE);
	while (!kthread_should_stop()) {
		c->polls++;
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	kfree(c);
	return 0;
}

WEFT_TEST(probe_fails_after_run)
{
	struct poll_ctx *c = kzalloc(sizeof(*c), GFP_KERNEL);
	struct task_struct *t;
	int ret;

	BUG_ON(!c);
	t = kthread_run(poll_fn, c, "poller");
	/* The probe fails here: undo. */
	ret = kthread_stop(t);
#ifdef OK
	if (ret == -EINTR)
		kfree(c);
#else
	(void)ret;
#endif
}
