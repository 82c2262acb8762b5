// wake_up_state() wakes a task only when its state has one of the given
// bits.  wake_state_setup: a worker sleeps uninterruptibly until its
// go flag is set, and the waker uses wake_up_state(t, TASK_INTERRUPTIBLE):
// a worker already asleep stays asleep, and the waker waits for it for
// ever.  killable_woken: a killable open-coded wait woken by
// wake_up_interruptible(), which wakes only interruptible sleepers, the
// same.  wake_state_ok.c wakes with TASK_NORMAL and wake_up().  weft woke
// on any wake_up_state (a false verified), and its TASK_KILLABLE lacked
// the uninterruptible bit, so that a killable open-coded wait woken by
// wake_up() slept on (a false deadlock).
//! expect(wake_state_setup): bug deadlock
//! expect(killable_woken): bug deadlock
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

#ifdef OK
#define WAKE_MASK TASK_NORMAL
#define WAKE_QUEUE(q) wake_up(q)
#else
#define WAKE_MASK TASK_INTERRUPTIBLE
#define WAKE_QUEUE(q) wake_up_interruptible(q)
#endif

static int go;
static DECLARE_COMPLETION(done);

static int worker(void *arg)
{
	(void)arg;
	set_current_state(TASK_UNINTERRUPTIBLE);
	while (!READ_ONCE(go)) {
		schedule();
		set_current_state(TASK_UNINTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	complete(&done);
	return 0;
}

WEFT_TEST(wake_state_setup)
{
	struct task_struct *t = kthread_create(worker, NULL, "worker");

	get_task_struct(t);
	wake_up_process(t);
	WRITE_ONCE(go, 1);
	wake_up_state(t, WAKE_MASK);
	wait_for_completion(&done);
	kthread_stop(t);
	put_task_struct(t);
}

static DECLARE_WAIT_QUEUE_HEAD(evq);
static int event;
static DECLARE_COMPLETION(seen);

static int killable_waiter(void *arg)
{
	DEFINE_WAIT(wait);

	(void)arg;
	for (;;) {
		prepare_to_wait(&evq, &wait, TASK_KILLABLE);
		if (READ_ONCE(event))
			break;
		schedule();
	}
	finish_wait(&evq, &wait);
	complete(&seen);
	return 0;
}

WEFT_TEST(killable_woken)
{
	struct task_struct *t = kthread_create(killable_waiter, NULL, "waiter");

	get_task_struct(t);
	wake_up_process(t);
	WRITE_ONCE(event, 1);
	WAKE_QUEUE(&evq);
	wait_for_completion(&seen);
	kthread_stop(t);
	put_task_struct(t);
}
