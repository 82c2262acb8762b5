// A lost wake-up: the sleeper tests its condition before it sets its
// task state, so a wake_up_process() between the two is lost and it
// sleeps for ever.
//! expect: bug deadlock
#include <linux/sched.h>
#include <linux/kthread.h>

static int done;

static int waiter(void *arg)
{
	(void)arg;
	if (!READ_ONCE(done)) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule();
	}
	return 0;
}

WEFT_TEST(lost_wakeup)
{
	struct task_struct *t = kthread_create(waiter, NULL, "waiter");
	get_task_struct(t);
	wake_up_process(t);

	WRITE_ONCE(done, 1);
	wake_up_process(t);
	kthread_stop(t);
	put_task_struct(t);
}
