// A kthread's open-coded wait woken by wake_up_process() of its task, not
// by a wake_up of its queue.  Checking the flag before prepare_to_wait
// loses a wake-up that comes between: the prepare sets the task asleep
// again and schedule() never returns.  open_wait_task_ok.c prepares
// first, so the wake-up finds the task asleep and sets it running.
//! expect: bug deadlock
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
static DECLARE_WAIT_QUEUE_HEAD(wq);
static int flag;
static struct task_struct *waiter_task;
static DECLARE_COMPLETION(done);
static int waiter(void *arg)
{
	DEFINE_WAIT(w);
	(void)arg;
#ifndef OK
	if (!smp_load_acquire(&flag)) {
		prepare_to_wait(&wq, &w, TASK_UNINTERRUPTIBLE);
		schedule();
	}
#else
	prepare_to_wait(&wq, &w, TASK_UNINTERRUPTIBLE);
	if (!smp_load_acquire(&flag))
		schedule();
#endif
	finish_wait(&wq, &w);
	complete(&done);
	return 0;
}
WEFT_TEST(wake_task)
{
	waiter_task = kthread_create(waiter, NULL, "waiter");
	get_task_struct(waiter_task);
	wake_up_process(waiter_task);
	smp_store_release(&flag, 1);
	wake_up_process(waiter_task);
	wait_for_completion(&done);
	kthread_stop(waiter_task);
	put_task_struct(waiter_task);
}
