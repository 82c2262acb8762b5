// A driver's poll of a status bit with a timeout, alone: nothing else can
// run, so the bit never comes and the poll must time out, as it does in
// the kernel, whose jiffies go on while it spins.  weft's kernel clock
// moved only at timer and sleep events, so each of these was a false
// livelock.  A read of jiffies (ktime_get() reads them too) in a thread
// spinning alone now passes a tick, and a spin that used up its rounds
// jumps ten years once, as the pthread clock does.  The timeout of an
// hour needs the jump.  The twin, lone_jiffies_bug.c, asserts that the
// bit came; lone_poll_bug.c keeps the livelock of a poll without a
// deadline.
//! expect(jiffies_poll_times_out): verified
//! expect(ktime_poll_times_out): verified
//! expect(ktime_poll_hour_times_out): verified
//! expect(two_pollers_time_out): verified
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/ktime.h>

static int ready_bit;

static int wait_ready(unsigned long ms)
{
	unsigned long timeout = jiffies + msecs_to_jiffies(ms);

	while (!READ_ONCE(ready_bit)) {
		if (time_after(jiffies, timeout))
			return -ETIMEDOUT;
		cpu_relax();
	}
	return 0;
}

static int wait_ready_ktime(long ms)
{
	ktime_t t0 = ktime_get();

	while (!READ_ONCE(ready_bit)) {
		if (ktime_to_ms(ktime_sub(ktime_get(), t0)) > ms)
			return -ETIMEDOUT;
		cpu_relax();
	}
	return 0;
}

WEFT_TEST(jiffies_poll_times_out)
{
	unsigned long start = jiffies;

	weft_assert(wait_ready(100) == -ETIMEDOUT);
	weft_assert(time_after(jiffies, start + msecs_to_jiffies(100)));
}

WEFT_TEST(ktime_poll_times_out)
{
	weft_assert(wait_ready_ktime(100) == -ETIMEDOUT);
}

WEFT_TEST(ktime_poll_hour_times_out)
{
	weft_assert(wait_ready_ktime(3600L * 1000) == -ETIMEDOUT);
}

static int poller(void *arg)
{
	(void)arg;
	return wait_ready(200);
}

/* Both threads spin, neither alone: they see the same ticks once they
 * have spun as long. */
WEFT_TEST(two_pollers_time_out)
{
	struct task_struct *a = kthread_create(poller, NULL, "poll_a");
	get_task_struct(a);
	wake_up_process(a);
	struct task_struct *b = kthread_create(poller, NULL, "poll_b");
	get_task_struct(b);
	wake_up_process(b);

	kthread_stop(a);
	put_task_struct(a);
	kthread_stop(b);
	put_task_struct(b);
}
