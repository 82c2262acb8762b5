// Bit and variable wait queues used as the kernel documents them: the
// bit cleared (or the variable set) before the wake-up, with the barrier
// clear_and_wake_up_bit has; and the bit taken as a lock with
// wait_on_bit_lock, which waits and sets it in one.  wait_bit_bug has
// each with its mistake.
//! expect(wake_before_clear): verified
//! expect(var_wake_early): verified
//! expect(bit_wait_then_set): verified
#include <linux/bitops.h>
#include <linux/kthread.h>
#include <linux/wait_bit.h>

#define BUSY 3

static unsigned long flags;
static int ready, count;

static int releaser(void *arg)
{
	/* Cast, as the kernel's void function may be. */
	(void)arg;
	(void)clear_and_wake_up_bit(BUSY, &flags);
	return 0;
}

WEFT_TEST(wake_before_clear)
{
	struct task_struct *t;

	set_bit(BUSY, &flags);
	t = kthread_create(releaser, NULL, "releaser");
	get_task_struct(t);
	wake_up_process(t);
	wait_on_bit(&flags, BUSY, TASK_UNINTERRUPTIBLE);
	kthread_stop(t);
	put_task_struct(t);
}

static int setter(void *arg)
{
	(void)arg;
	WRITE_ONCE(ready, 1);
	wake_up_var(&ready);
	return 0;
}

WEFT_TEST(var_wake_early)
{
	struct task_struct *t = kthread_create(setter, NULL, "setter");
	get_task_struct(t);
	wake_up_process(t);

	wait_var_event(&ready, READ_ONCE(ready));
	kthread_stop(t);
	put_task_struct(t);
}

static int bump(void *arg)
{
	(void)arg;
	wait_on_bit_lock(&flags, BUSY, TASK_UNINTERRUPTIBLE);
	count++;
	clear_and_wake_up_bit(BUSY, &flags);
	return 0;
}

WEFT_TEST(bit_wait_then_set)
{
	struct task_struct *a = kthread_create(bump, NULL, "bump-a");
	get_task_struct(a);
	wake_up_process(a);
	struct task_struct *b = kthread_create(bump, NULL, "bump-b");
	get_task_struct(b);
	wake_up_process(b);

	/* A kthread stopped before it first ran never bumped. */
	int ran = (kthread_stop(a) != -EINTR) + (kthread_stop(b) != -EINTR);

	put_task_struct(a);
	put_task_struct(b);

	WARN_ON(count != ran);
}
