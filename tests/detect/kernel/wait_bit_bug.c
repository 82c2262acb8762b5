// wait_bit_ok's bit and variable waits with the wake-up sent too early
// or the bit taken wrongly.  wake_before_clear wakes the waiters on the
// BUSY bit before clearing it: a waiter woken then finds the bit still
// set and sleeps again, and no wake-up follows.  var_wake_early wakes
// the waiters on `ready` before setting it, the same lost wake-up with
// wait_var_event.  bit_wait_then_set takes the bit as a lock by waiting
// for it to clear and then setting it, two steps: both threads can pass
// the wait before either sets it, and both update the count at once.
//! expect(wake_before_clear): bug deadlock
//! expect(var_wake_early): bug deadlock
//! expect(bit_wait_then_set): bug
#include <linux/bitops.h>
#include <linux/kthread.h>
#include <linux/wait_bit.h>

#define BUSY 3

static unsigned long flags;
static int ready, count;

static int releaser(void *arg)
{
	(void)arg;
	wake_up_bit(&flags, BUSY);
	clear_bit(BUSY, &flags);
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
	wake_up_var(&ready);
	WRITE_ONCE(ready, 1);
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
	wait_on_bit(&flags, BUSY, TASK_UNINTERRUPTIBLE);
	set_bit(BUSY, &flags);
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

	kthread_stop(a);
	put_task_struct(a);
	kthread_stop(b);
	put_task_struct(b);
	WARN_ON(count != 2);
}
