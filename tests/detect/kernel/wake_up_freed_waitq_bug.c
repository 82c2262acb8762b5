// The waker sets the condition and then calls wake_up() on a wait queue
// head inside an object; the waiter, seeing the condition in
// wait_event()'s first check, never sleeps, returns and frees the
// object, so wake_up() takes a freed lock.  The fix holds the lock
// around setting the condition and waking (the waiter takes it too):
// the shape of many "use-after-free in wake_up" fixes.
//! expect: bug use-after-free
#include <linux/wait.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/kthread.h>

struct op {
	wait_queue_head_t wq;
	spinlock_t lock;
	int done;
};

static int completer(void *arg)
{
	struct op *op = arg;

#ifdef FIXED
	spin_lock(&op->lock);
	op->done = 1;
	wake_up(&op->wq);
	spin_unlock(&op->lock);
#else
	WRITE_ONCE(op->done, 1);
	wake_up(&op->wq);
#endif
	return 0;
}

#ifdef FIXED
static bool op_done(struct op *op)
{
	bool d;

	spin_lock(&op->lock);
	d = op->done;
	spin_unlock(&op->lock);
	return d;
}
#endif

WEFT_TEST(wake_after_free)
{
	struct op *op = kzalloc(sizeof(*op), GFP_KERNEL);
	struct task_struct *t;

	init_waitqueue_head(&op->wq);
	spin_lock_init(&op->lock);
	t = kthread_create(completer, op, "completer");
	get_task_struct(t);
	wake_up_process(t);
#ifdef FIXED
	wait_event(op->wq, op_done(op));
#else
	wait_event(op->wq, READ_ONCE(op->done));
#endif
	kfree(op);
	kthread_stop(t);
	put_task_struct(t);
}
