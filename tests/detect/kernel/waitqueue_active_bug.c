// waitqueue_active_ok's waker with the check for waiters made before the
// condition is set: a waiter that queues itself in between finds the
// condition still false and sleeps, and the waker, having seen nobody,
// wakes nobody.  waitqueue_active was 1 whatever the queue held, which
// verified this lost wake-up (and reported teardown checks that no one
// waits any more as failures); now it reads the queue's waiters.
// teardown_check_early checks for waiters before stopping the waiter.
//! expect(active_sampled_early): bug deadlock
//! expect(teardown_check_early): bug assertion
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int cond;

static int waker(void *arg)
{
	int active;

	(void)arg;
	active = waitqueue_active(&wq);
	WRITE_ONCE(cond, 1);
	if (active)
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
	WARN_ON(waitqueue_active(&d->wq));
	WRITE_ONCE(d->ready, 1);
	wake_up(&d->wq);
	kthread_stop(t);
	put_task_struct(t);
	kfree(d);
}
