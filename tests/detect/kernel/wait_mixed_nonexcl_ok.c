// One wait queue: N an open-coded non-exclusive prepare_to_wait loop, W a
// wait_event_exclusive.  A wake_up wakes every non-exclusive entry and the
// first exclusive one, so the one wake_up wakes both.  weft let
// wait_event's exclusive waiter use up the wake-up and left N asleep: a
// false deadlock (a helper's probe of the wake-up models).  The buggy
// twin's N tests the flag before it prepares, and a wake-up between the
// two is lost.
//! expect: verified
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int flag;
static DECLARE_COMPLETION(done);

static int n_fn(void *arg)
{
	DEFINE_WAIT(w);
	(void)arg;
#ifdef LOST_WAKEUP
	if (!READ_ONCE(flag)) {
		prepare_to_wait(&wq, &w, TASK_UNINTERRUPTIBLE);
		schedule();
	}
#else
	for (;;) {
		prepare_to_wait(&wq, &w, TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(flag))
			break;
		schedule();
	}
#endif
	finish_wait(&wq, &w);
	complete(&done);
	return 0;
}

static int w_fn(void *arg)
{
	(void)arg;
	wait_event_exclusive(wq, READ_ONCE(flag));
	complete(&done);
	return 0;
}

WEFT_TEST(mixed_nonexclusive)
{
	struct task_struct *n = kthread_create(n_fn, NULL, "N");
	struct task_struct *w = kthread_create(w_fn, NULL, "W");

	get_task_struct(n);
	get_task_struct(w);
	wake_up_process(n);
	wake_up_process(w);
	WRITE_ONCE(flag, 1);
	wake_up(&wq);
	wait_for_completion(&done);
	wait_for_completion(&done);
	kthread_stop(n);
	put_task_struct(n);
	kthread_stop(w);
	put_task_struct(w);
}
