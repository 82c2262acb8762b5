// once_order_bug with smp_wmb before the flag (write_once_flag), and a
// publication with smp_store_release read with smp_load_acquire.
//! expect(write_once_flag): verified
//! expect(store_release_flag): verified
//! expect(volatile_once): verified
//! expect(read_once_jiffies): verified
#define FENCED
#include "once_order_bug.c"

static int rel_data, rel_flag;

static int releaser(void *arg)
{
	(void)arg;
	rel_data = 7;
	smp_store_release(&rel_flag, 1);
	return 0;
}

WEFT_TEST(store_release_flag)
{
	struct task_struct *t = kthread_create(releaser, NULL, "releaser");
	get_task_struct(t);
	wake_up_process(t);

	while (!smp_load_acquire(&rel_flag))
		cpu_relax();
	WARN_ON(rel_data != 7);
	kthread_stop(t);
	put_task_struct(t);
}

/* WRITE_ONCE of a volatile variable compiles (its copy was passed on as
 * a pointer to non-volatile, an error under -Werror). */
static volatile int vstate;

WEFT_TEST(volatile_once)
{
	WRITE_ONCE(vstate, 3);
	WARN_ON(READ_ONCE(vstate) != 3);
}

/* jiffies is an lvalue, as the kernel's: READ_ONCE(jiffies), a common
 * spelling, did not compile (a second review's probe). */
static unsigned long stamp;

static int poller(void *arg)
{
	unsigned long end = READ_ONCE(jiffies) + 10;

	(void)arg;
	while (time_before(READ_ONCE(jiffies), end))
		msleep(1);
	WRITE_ONCE(stamp, jiffies);
	return 0;
}

WEFT_TEST(read_once_jiffies)
{
	struct task_struct *t = kthread_create(poller, NULL, "poller");
	get_task_struct(t);
	wake_up_process(t);

	/* Stopped before it first ran, it never stamped. */
	if (kthread_stop(t) != -EINTR)
		WARN_ON(READ_ONCE(stamp) == 0);
	put_task_struct(t);
}
