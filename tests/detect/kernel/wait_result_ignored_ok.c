// Kernel code often ignores what wait_event_interruptible and
// wait_event_killable return (`wait_event_interruptible(q, c);` as a
// statement); it must compile under -Wall -Werror, as in the kernel (a
// cast's unused value was an error here).  The waiter then signals a
// completion.  The bug twin wakes the queue before setting the flag: a
// waiter that went to sleep before the store sleeps on.
//! expect: verified
//! args: --strategy=dfs
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(ready_wait);
static DECLARE_COMPLETION(seen);
static int ready;

static int waiter(void *arg)
{
	(void)arg;
	wait_event_interruptible(ready_wait, READ_ONCE(ready));
	wait_event_killable(ready_wait, READ_ONCE(ready));
	complete(&seen);
	return 0;
}

WEFT_TEST(result_ignored)
{
	struct task_struct *t = kthread_create(waiter, NULL, "waiter");
	get_task_struct(t);
	wake_up_process(t);

#ifdef WAIT_RESULT_BUG
	wake_up(&ready_wait);
	WRITE_ONCE(ready, 1);
#else
	WRITE_ONCE(ready, 1);
	wake_up(&ready_wait);
#endif
	wait_for_completion(&seen);
	kthread_stop(t);
	put_task_struct(t);
}
