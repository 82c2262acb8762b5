// kthread_stop() sets the stop flag and then wakes the thread
// (wake_up_process), so a kthread that checked kthread_should_stop() just
// before kthread_stop() and then went to sleep is woken and sees it.  weft
// did not wake it: both loops below were reported as deadlocks.
//! expect: verified
//! args: --strategy=dfs
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(poll_wq);
static int jobs;

/* A poller sleeping in wait_event(), its condition including the stop. */
static int poller(void *arg)
{
	(void)arg;
	while (!kthread_should_stop()) {
		wait_event(poll_wq, READ_ONCE(jobs) || kthread_should_stop());
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

/* The open-coded loop: set_current_state, check, schedule(). */
static int worker(void *arg)
{
	(void)arg;
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop()) {
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
