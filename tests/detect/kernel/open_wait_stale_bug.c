// A waiter that gives up without finish_wait leaves its entry, which was
// on its stack, on the queue: the next wake_up writes through it.
// open_wait_stale_ok.c finishes the wait.
//! expect: bug use-after-free
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(event_wq);
static int event;

static int waiter(void *arg)
{
	DEFINE_WAIT(wait);

	(void)arg;
	prepare_to_wait(&event_wq, &wait, TASK_INTERRUPTIBLE);
	if (!READ_ONCE(event))
		schedule_timeout(1);
#ifdef OK
	finish_wait(&event_wq, &wait);
#else
	__set_current_state(TASK_RUNNING);
#endif
	return 0;
}

WEFT_TEST(stale_entry)
{
	struct task_struct *t = kthread_create(waiter, NULL, "waiter");
	get_task_struct(t);
	wake_up_process(t);

	kthread_stop(t);
	put_task_struct(t);
	WRITE_ONCE(event, 1);
	wake_up(&event_wq);
}
