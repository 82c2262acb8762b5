// waitqueue_active and wq_has_sleeper as the kernel documents them: the
// waker sets the condition, then (with the full barrier wq_has_sleeper
// has) wakes the queue only if someone waits; a teardown path checks
// that nobody waits any more once its waiter has been stopped; a fast
// path skips the wake-up when the queue is empty.  waitqueue_active_bug
// checks too early.
//! expect(active_sampled_early): verified
//! expect(teardown_check_early): verified
//! expect(empty_fast_path): verified
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int cond;

static int waker(void *arg)
{
	(void)arg;
	WRITE_ONCE(cond, 1);
	if (wq_has_sleeper(&wq))
		wake_up(&wq);
	return 0;
}

WEFT_TEST(active_sampled_early)
{
	struct task_struct *t = kthread_create(waker, NULL, "waker");
	get_task_struct(t);
	wake_up_process(t);

	wait_event(wq, READ_ONCE(cond));
	kthread_stop(t);
	put_task_struct(t);
}

struct dev {
	wait_queue_head_t wq;
	int ready;
};

static int waiter(void *arg)
{
	struct dev *d = arg;

	wait_event(d->wq, READ_ONCE(d->ready));
	return 0;
}

WEFT_TEST(teardown_check_early)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	struct task_struct *t;

	init_waitqueue_head(&d->wq);
	t = kthread_create(waiter, d, "waiter");
	get_task_struct(t);
	wake_up_process(t);
	WRITE_ONCE(d->ready, 1);
	wake_up(&d->wq);
	kthread_stop(t);
	put_task_struct(t);
	WARN_ON(waitqueue_active(&d->wq));
	kfree(d);
}

WEFT_TEST(empty_fast_path)
{
	int woke = 0;

	WRITE_ONCE(cond, 1);
	if (wq_has_sleeper(&wq)) {
		wake_up(&wq);
		woke = 1;
	}
	WARN_ON(woke);
}
