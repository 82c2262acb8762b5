// mutex_lock_interruptible() and mutex_lock_killable() take a mutex that
// is free, and otherwise return -EINTR once a signal is pending for the
// caller: since Linux 6.1 a kthread_stop() of it is one
// (TIF_NOTIFY_SIGNAL; __mutex_lock_common tries the lock, then checks
// signal_pending_state, before each sleep).  The reader here ignores the
// result: stopped while the holder has the mutex, it reads the data
// unguarded (a race with the holder) and unlocks a mutex it does not
// hold.  weft took the mutex for it in every schedule (the stop sent no
// signal), and both cases came out verified; stopping a thread that
// waits for a mutex its stopper holds was a false deadlock in the ok
// twin, which leaves when the lock fails.
//! expect(ignored_eintr): bug misuse
//! expect(stop_while_holding): bug misuse
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/sched.h>

static DEFINE_MUTEX(lock);
static int data;

static int reader(void *arg)
{
	int r;

	(void)arg;
#ifdef OK
	if (mutex_lock_killable(&lock))
		return -EINTR;
#else
	(void)mutex_lock_interruptible(&lock);
#endif
	r = data;
	mutex_unlock(&lock);
	return r;
}

static int holder(void *arg)
{
	(void)arg;
	mutex_lock(&lock);
	data = 1;
	msleep(10);
	data = 2;
	mutex_unlock(&lock);
	return 0;
}

static struct task_struct *start(int (*fn)(void *), const char *name)
{
	struct task_struct *t = kthread_create(fn, NULL, name);

	get_task_struct(t);
	wake_up_process(t);
	return t;
}

WEFT_TEST(ignored_eintr)
{
	struct task_struct *h = start(holder, "holder");
	struct task_struct *r = start(reader, "reader");

	kthread_stop(r);
	put_task_struct(r);
	kthread_stop(h);
	put_task_struct(h);
}

WEFT_TEST(stop_while_holding)
{
	struct task_struct *r;

	mutex_lock(&lock);
	r = start(reader, "reader");
	data = 3;
	kthread_stop(r);
	put_task_struct(r);
	data = 4;
	mutex_unlock(&lock);
}
