// One wait queue, two exclusive waiters of two kinds: E an open-coded
// prepare_to_wait_exclusive loop, W a wait_event_exclusive.  Both go at
// the queue's tail in the order they prepared, and a wake_up wakes the
// first exclusive one: E queued first, the one wake_up wakes E, and main
// waits for W for ever.  weft woke wait_event's exclusive waiters before
// any open-coded one and verified it (a helper's probe of the wake-up
// models).  The correct twin wakes two.
//! expect: bug deadlock
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int flag;
static DECLARE_COMPLETION(wdone);
static DECLARE_COMPLETION(edone);

static int e_fn(void *arg)
{
	DEFINE_WAIT(w);
	(void)arg;
	for (;;) {
		prepare_to_wait_exclusive(&wq, &w, TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(flag))
			break;
		schedule();
	}
	finish_wait(&wq, &w);
	complete(&edone);
	return 0;
}

static int w_fn(void *arg)
{
	(void)arg;
	wait_event_exclusive(wq, READ_ONCE(flag));
	complete(&wdone);
	return 0;
}

static struct task_struct *start(int (*fn)(void *), const char *name)
{
	struct task_struct *t = kthread_create(fn, NULL, name);
	get_task_struct(t);
	wake_up_process(t);
	return t;
}

static void stop(struct task_struct *t)
{
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(mixed_exclusive_order)
{
	struct task_struct *e = start(e_fn, "E");
	struct task_struct *w = start(w_fn, "W");

	WRITE_ONCE(flag, 1);
#ifdef OK
	wake_up_nr(&wq, 2);
#else
	wake_up(&wq);
#endif
	wait_for_completion(&wdone);
	wake_up_all(&wq);
	wait_for_completion(&edone);
	stop(e);
	stop(w);
}
