// Two exclusive waiters on one queue with different conditions; A's
// holds before it waits.  The kernel's wait_event_*_exclusive checks the
// condition before prepare_to_wait, so A never goes on the queue and the
// one wake_up after B's condition is set reaches B: verified.  The bug
// twin sets A's condition only after A waits, so A may be first on the
// queue and take the wake-up meant for B: deadlock.
//! expect: verified
//! args: --strategy=dfs
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(q);
static int flag_a, flag_b;
static struct completion done[2];

static int wait_a(void *arg __attribute__((unused)))
{
	if (wait_event_interruptible_exclusive(q, READ_ONCE(flag_a)))
		return -EINTR;
	complete(&done[0]);
	return 0;
}

static int wait_b(void *arg __attribute__((unused)))
{
	if (wait_event_interruptible_exclusive(q, READ_ONCE(flag_b)))
		return -EINTR;
	complete(&done[1]);
	return 0;
}

WEFT_TEST(exclusive_waiter_already_done)
{
	struct task_struct *a, *b;

	init_completion(&done[0]);
	init_completion(&done[1]);
#ifndef WAIT_EXCLUSIVE_TRUE_BUG
	WRITE_ONCE(flag_a, 1);
#endif
	a = kthread_create(wait_a, NULL, "A");
	get_task_struct(a);
	wake_up_process(a);
	b = kthread_create(wait_b, NULL, "B");
	get_task_struct(b);
	wake_up_process(b);
#ifdef WAIT_EXCLUSIVE_TRUE_BUG
	WRITE_ONCE(flag_a, 1);
#endif
	WRITE_ONCE(flag_b, 1);
	wake_up(&q);
	wait_for_completion(&done[0]);
	wait_for_completion(&done[1]);
	kthread_stop(a);
	put_task_struct(a);
	kthread_stop(b);
	put_task_struct(b);
}
