// A fence-style wait (ret = schedule_timeout(ret) in a prepare_to_wait
// loop) called with MAX_SCHEDULE_TIMEOUT: schedule_timeout(MAX) is
// schedule() and returns MAX, so the wait never reports a timeout.  weft
// returned 0 for it (a helper's probe): a false bug (crash).
//! expect: verified
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
static DECLARE_WAIT_QUEUE_HEAD(q);
static int signaled;

static long fence_wait(long timeout)
{
	DEFINE_WAIT(w);
	long ret = timeout;
	while (!READ_ONCE(signaled) && ret > 0) {
		prepare_to_wait(&q, &w, TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(signaled))
			break;
		ret = schedule_timeout(ret);
	}
	finish_wait(&q, &w);
	return ret;
}

static int signaller(void *arg)
{
	(void)arg;
	WRITE_ONCE(signaled, 1);
	wake_up_all(&q);
	return 0;
}

WEFT_TEST(fence_wait)
{
	struct task_struct *t = kthread_create(signaller, NULL, "sig");
	get_task_struct(t);
	wake_up_process(t);
	long ret = fence_wait(MAX_SCHEDULE_TIMEOUT);
	BUG_ON(ret == 0);   /* "timed out" -- impossible with MAX_SCHEDULE_TIMEOUT */
	kthread_stop(t);
	put_task_struct(t);
}
