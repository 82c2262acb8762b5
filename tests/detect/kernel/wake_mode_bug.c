// wake_up_interruptible wakes only the sleepers in an interruptible wait:
// a wait_event's (TASK_UNINTERRUPTIBLE) stays asleep, in the kernel
// (try_to_wake_up matches the task's state against the mode) as now under
// weft, which woke every sleeper (a helper's probe).  A producer that wakes
// an uninterruptible waiter so hangs it.  wake_mode_ok.c waits
// interruptibly, with wait_event_interruptible and with an open-coded
// TASK_INTERRUPTIBLE wait.
//! expect(wait_event_woken_interruptibly): bug deadlock
//! expect(open_coded_woken_interruptibly): bug deadlock
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(wq);
static DECLARE_WAIT_QUEUE_HEAD(oq);
static int ready, oready;

static int producer(void *arg)
{
	(void)arg;
	smp_store_release(&ready, 1);
	wake_up_interruptible(&wq);
	return 0;
}

static int oproducer(void *arg)
{
	(void)arg;
	smp_store_release(&oready, 1);
	wake_up_interruptible(&oq);
	return 0;
}

WEFT_TEST(wait_event_woken_interruptibly)
{
	struct task_struct *t = kthread_create(producer, NULL, "producer");
	get_task_struct(t);
	wake_up_process(t);

#ifdef OK
	/* Only a signal ends it early (a user's may come to this thread). */
	if (wait_event_interruptible(wq, smp_load_acquire(&ready)))
		BUG_ON(!signal_pending(current));
#else
	wait_event(wq, smp_load_acquire(&ready));
#endif
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(open_coded_woken_interruptibly)
{
	struct task_struct *t = kthread_create(oproducer, NULL, "oproducer");
	get_task_struct(t);
	wake_up_process(t);
	DEFINE_WAIT(wait);

	for (;;) {
#ifdef OK
		prepare_to_wait(&oq, &wait, TASK_INTERRUPTIBLE);
#else
		prepare_to_wait(&oq, &wait, TASK_UNINTERRUPTIBLE);
#endif
		if (smp_load_acquire(&oready))
			break;
		schedule();
	}
	finish_wait(&oq, &wait);
	kthread_stop(t);
	put_task_struct(t);
}
