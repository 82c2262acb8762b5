//! expect(kthread_error_path): bug misuse
//! expect(freed_while_held): bug misuse
//! expect(spin_freed_while_held): bug misuse
//! expect(test_returns_locked): bug misuse
/* Locks left held, which lockdep reports even when nothing waits for
 * them: a kthread's error path that returns without its unlock ("lock
 * held when returning"), an object freed while its own mutex or spinlock
 * is held ("held lock freed"), and a test body that returns holding a
 * mutex.  Each was verified (a probe of kernel patterns).  The fixed
 * forms are held_at_end_ok.c. */
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#ifndef UNLOCK
#define UNLOCK(unlock, l) ((void)0)
#endif

static DEFINE_MUTEX(m);
static int err = 1;

static int worker(void *arg)
{
	(void)arg;
	mutex_lock(&m);
	if (READ_ONCE(err)) {
		UNLOCK(mutex_unlock, &m);
		return -EIO;
	}
	mutex_unlock(&m);
	return 0;
}

WEFT_TEST(kthread_error_path)
{
	struct task_struct *t = kthread_create(worker, NULL, "worker");
	get_task_struct(t);
	wake_up_process(t);

	kthread_stop(t);
	put_task_struct(t);
}

struct obj {
	struct mutex lock;
	spinlock_t spin;
	int v;
};

WEFT_TEST(freed_while_held)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	mutex_init(&o->lock);
	mutex_lock(&o->lock);
	o->v = 1;
	UNLOCK(mutex_unlock, &o->lock);
	kfree(o);
}

WEFT_TEST(spin_freed_while_held)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	spin_lock_init(&o->spin);
	spin_lock(&o->spin);
	o->v = 1;
	UNLOCK(spin_unlock, &o->spin);
	kfree(o);
}

WEFT_TEST(test_returns_locked)
{
	mutex_lock(&m);
	err = 0;
	UNLOCK(mutex_unlock, &m);
}
