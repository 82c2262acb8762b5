// An open-coded wait: a kthread goes on a queue (prepare_to_wait), checks
// a flag and sleeps with schedule_timeout(2), and the test sets the flag
// and wakes the queue.  The timeout can come first, with the flag still
// false, and a caller that assumes it cannot is wrong.  It was verified in
// 4,996 schedules: the timer's firing was a step on the clock only,
// independent of the wake-up's try_to_wake_up on the task, so the order
// with the timeout first was never run (a review's probe).  The fix
// accepts either result.
//! expect: bug assertion
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(q);
static int flag, result = -1;
static DECLARE_COMPLETION(done);

static int waiter(void *arg)
{
	DEFINE_WAIT(w);

	(void)arg;
	prepare_to_wait(&q, &w, TASK_UNINTERRUPTIBLE);
	if (!READ_ONCE(flag))
		schedule_timeout(2);
	finish_wait(&q, &w);
	result = READ_ONCE(flag);
	complete(&done);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

WEFT_TEST(open_wait_timeout)
{
	struct task_struct *t = kthread_create(waiter, NULL, "waiter");

	get_task_struct(t);
	wake_up_process(t);
	WRITE_ONCE(flag, 1);
	wake_up(&q);
	wait_for_completion(&done);
#ifdef OK
	WARN_ON(result < 0);
#else
	WARN_ON(result != 1); /* assumes the wait cannot time out */
#endif
	kthread_stop(t);
	put_task_struct(t);
}
