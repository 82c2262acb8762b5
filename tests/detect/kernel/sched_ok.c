// The fix of sched_bug.c: the state is set before the condition is
// tested, so a wake-up after the test makes schedule() return.  Also
// current, task_pid_nr, schedule_timeout_interruptible woken early or
// timing out, might_sleep and cond_resched.
//! expect: verified
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/delay.h>

static int done;

static int waiter(void *arg)
{
	(void)arg;
	WARN_ON(task_pid_nr(current) <= 0);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(done))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	might_sleep();
	cond_resched();
	return 0;
}

WEFT_TEST(no_lost_wakeup)
{
	struct task_struct *t = kthread_create(waiter, NULL, "waiter");
	get_task_struct(t);
	wake_up_process(t);

	WARN_ON(current == t);
	WRITE_ONCE(done, 1);
	wake_up_process(t);
	kthread_stop(t);
	put_task_struct(t);
}

static struct task_struct *main_task;

static int waker(void *arg)
{
	(void)arg;
	wake_up_process(main_task);
	return 0;
}

WEFT_TEST(timeout_or_wakeup)
{
	struct task_struct *t;
	long left;

	main_task = current;
	t = kthread_create(waker, NULL, "waker");
	get_task_struct(t);
	wake_up_process(t);
	left = schedule_timeout_interruptible(10);
	WARN_ON(left < 0 || left > 10);
	kthread_stop(t);
	put_task_struct(t);
	left = schedule_timeout_uninterruptible(2);
	WARN_ON(left != 0);
}
