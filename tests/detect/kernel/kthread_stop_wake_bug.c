// kthread_stop_wake_ok's loops with the stop check left out of the
// sleep's condition (of the loop, for the open-coded one): the wake-up
// that kthread_stop() sends finds the condition still false, the thread
// sleeps again and kthread_stop() waits for ever.
//! expect: bug deadlock
//! args: --strategy=dfs
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(poll_wq);
static int jobs;

/* A poller sleeping in wait_event(), its condition without the stop. */
static int poller(void *arg)
{
	(void)arg;
	while (!kthread_should_stop()) {
		wait_event(poll_wq, READ_ONCE(jobs));
		WRITE_ONCE(jobs, 0);
	}
	return 0;
}

WEFT_TEST(stop_wait_event_poller)
{
	struct task_struct *t = kthread_run(poller, NULL, "poller");

	WRITE_ONCE(jobs, 1);
	wake_up(&poll_wq);
	kthread_stop(t);
}

/* The open-coded loop: set_current_state, check, schedule().  An
 * uninterruptible sleep: since Linux 6.1 kthread_stop leaves a signal
 * pending (TIF_NOTIFY_SIGNAL), so an interruptible schedule() returns at
 * once and this loop would spin for ever instead (a livelock that weft
 * cannot tell from a long computation: a step limit). */
static int worker(void *arg)
{
	(void)arg;
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (0) { /* no kthread_should_stop() */
			__set_current_state(TASK_RUNNING);
			break;
		}
		if (READ_ONCE(jobs)) {
			__set_current_state(TASK_RUNNING);
			WRITE_ONCE(jobs, 0);
			continue;
		}
		schedule();
	}
	return 0;
}

WEFT_TEST(stop_scheduling_worker)
{
	struct task_struct *t = kthread_run(worker, NULL, "worker");

	WRITE_ONCE(jobs, 1);
	wake_up_process(t);
	kthread_stop(t);
}
