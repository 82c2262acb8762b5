// A kthread's interruptible wait that kthread_stop ends: since Linux 6.1
// the stop sets TIF_NOTIFY_SIGNAL, so mutex_lock_interruptible returns
// -EINTR while another thread holds the mutex (the teardown below
// assumes the kthread got it), and the interruptible timed waits return
// -ERESTARTSYS, which is not zero (the callers below take any non-zero
// answer for success).  The default search verified
// all three (463, 508 and 522 schedules; a helper's probes): a release
// (the holder's mutex_unlock, the timeout's step) was taken for what
// enabled the wait, though the stop had enabled it before, and the order
// with the wait's return first was never run.  stop_intr_wait_ok.c
// checks the answers.
//! expect(mutex_intr_stopped): bug assertion
//! expect(completion_intr_timeout_stopped): bug assertion
//! expect(waitq_intr_timeout_stopped): bug assertion
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/wait.h>

static DEFINE_MUTEX(m);
static DECLARE_COMPLETION(held);
static DECLARE_COMPLETION(answer);
static DECLARE_COMPLETION(started);
static DECLARE_WAIT_QUEUE_HEAD(wq);
static int have_answer;

#ifdef FIXED
#define GOT(ret) ((ret) > 0)
#else
#define GOT(ret) ((ret) != 0)
#endif

static void holder(void *arg)
{
	(void)arg;
	mutex_lock(&m);
	complete(&held);
	msleep(10);
	mutex_unlock(&m);
}

static int status = 1, work_done;

static int locker(void *arg)
{
	(void)arg;
	wait_for_completion(&held);
	status = mutex_lock_interruptible(&m);
	if (!status) {
		work_done = 1;
		mutex_unlock(&m);
	}
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

WEFT_TEST(mutex_intr_stopped)
{
	weft_thread_t h = weft_spawn(holder, NULL);
	struct task_struct *t = kthread_create(locker, NULL, "locker");

	get_task_struct(t);
	wake_up_process(t);
	kthread_stop(t);
	put_task_struct(t);
	weft_join(h);
	/* A locker that ran got the lock (a stop before it ran leaves
	 * status 1: kthread() does not call it then). */
#ifdef FIXED
	WARN_ON(status == 0 && !work_done);
#else
	WARN_ON(status != 1 && !work_done); /* bug: -EINTR */
#endif
}

static int loader(void *arg)
{
	long ret;

	(void)arg;
	complete(&started);
	if (arg)
		ret = wait_event_interruptible_timeout(
			wq, READ_ONCE(have_answer), 100);
	else
		ret = wait_for_completion_interruptible_timeout(&answer, 100);
	if (GOT(ret))
		WARN_ON(!READ_ONCE(have_answer));
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static void stop_loader(void *arg)
{
	struct task_struct *t = kthread_create(loader, arg, "loader");

	get_task_struct(t);
	wake_up_process(t);
	wait_for_completion(&started);
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(completion_intr_timeout_stopped)
{
	stop_loader(NULL);
}

WEFT_TEST(waitq_intr_timeout_stopped)
{
	stop_loader((void *)1);
}
