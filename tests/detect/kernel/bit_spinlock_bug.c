// Two kthreads update a count under a bit spinlock; bit_spinlock_ok
// takes it, this one tests the bit and then sets it, two steps: both can
// see it clear.  bit_spin_lock and atomic_cond_read_acquire were not
// declared at all (an implicit declaration, then a link error).
//! expect: bug assertion
#include <linux/atomic.h>
#include <linux/bit_spinlock.h>
#include <linux/kthread.h>

#define LOCK_BIT 0

static unsigned long word;
static int count;
static atomic_t done = ATOMIC_INIT(0);

static int bump(void *arg)
{
	(void)arg;
#ifdef TAKE_LOCK
	bit_spin_lock(LOCK_BIT, &word);
#else
	preempt_disable();
	while (test_bit(LOCK_BIT, &word))
		cpu_relax();
	set_bit(LOCK_BIT, &word);
#endif
	count++;
	bit_spin_unlock(LOCK_BIT, &word);
	atomic_inc(&done);
	return 0;
}

WEFT_TEST(count_under_bit_lock)
{
	struct task_struct *a = kthread_create(bump, NULL, "bump-a");
	get_task_struct(a);
	wake_up_process(a);
	struct task_struct *b = kthread_create(bump, NULL, "bump-b");
	get_task_struct(b);
	wake_up_process(b);

	atomic_cond_read_acquire(&done, VAL == 2);
	kthread_stop(a);
	put_task_struct(a);
	kthread_stop(b);
	put_task_struct(b);
	WARN_ON(count != 2);
}
