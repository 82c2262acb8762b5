// An rx thread re-arms the watchdog with mod_timer while teardown stops
// it with del_timer_sync and frees the object: the timer is armed again
// after the delete and fires on freed memory.  timer_rearm_ok.c shuts
// the timer down (timer_shutdown_sync), after which mod_timer does
// nothing.  That fix was a false use-after-free: the model spawned the
// timer's thread inside mod_timer after reading the timer's state, so a
// shutdown in between was missed; and the end of the test named the
// freed timer only as "read of 128 bytes".
//! expect: bug use-after-free
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct nic {
	struct timer_list wd;
	int timeouts;
};

static void wd_fn(struct timer_list *t)
{
	struct nic *n = from_timer(n, t, wd);

	n->timeouts++;
}

static int rx_thread(void *arg)
{
	struct nic *n = arg;

	mod_timer(&n->wd, jiffies + 1);
	return 0;
}

WEFT_TEST(rearm_after_delete)
{
	struct nic *n = kzalloc(sizeof(*n), GFP_KERNEL);
	struct task_struct *t;

	timer_setup(&n->wd, wd_fn, 0);
	t = kthread_create(rx_thread, n, "rx");
	get_task_struct(t);
	wake_up_process(t);
#ifdef TIMER_REARM_FIXED
	timer_shutdown_sync(&n->wd);
#else
	del_timer_sync(&n->wd);
#endif
	kthread_stop(t);
	put_task_struct(t);
	kfree(n);
}
