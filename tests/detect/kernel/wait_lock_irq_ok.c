// wait_event_lock_irq: the condition is checked under the lock, which is
// dropped while the thread sleeps, so the producer can take it and set
// the condition.  The buggy twin (wait_lock_irq_bug.c) reads the request
// after the wait without the lock being held for the producer's second
// update.  The call did not compile (a probe of kernel patterns listed
// it among the missing API).
//! expect: verified
#include <linux/kthread.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

static DEFINE_SPINLOCK(lock);
static DECLARE_WAIT_QUEUE_HEAD(wq);
static int ready, value;

static int producer(void *arg)
{
	(void)arg;
	spin_lock_irq(&lock);
	value = 42;
	ready = 1;
	spin_unlock_irq(&lock);
	wake_up(&wq);
#ifdef LATE_WRITE
	value = 43; /* after the wake-up, outside the lock */
#endif
	return 0;
}

WEFT_TEST(wait_event_lock_irq_consumer)
{
	struct task_struct *t = kthread_create(producer, NULL, "producer");
	get_task_struct(t);
	wake_up_process(t);
	int v;

	spin_lock_irq(&lock);
	wait_event_lock_irq(wq, ready, lock);
	v = value;
	spin_unlock_irq(&lock);
	WARN_ON(v != 42 && v != 43);
	kthread_stop(t);
	put_task_struct(t);
}
