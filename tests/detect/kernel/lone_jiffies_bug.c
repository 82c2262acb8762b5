// lone_jiffies_ok.c's polls, asserting that the status bit came: it never
// does, so the poll times out and the assertion fails.  These were
// livelocks (the kernel clock did not move while the thread spun alone);
// they are now the assertion they are.
//! expect(jiffies_poll_bit_never_set): bug assertion
//! expect(ktime_poll_hour_bit_never_set): bug assertion
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
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

WEFT_TEST(jiffies_poll_bit_never_set)
{
	weft_assert(wait_ready(100) == 0);
}

WEFT_TEST(ktime_poll_hour_bit_never_set)
{
	weft_assert(wait_ready_ktime(3600L * 1000) == 0);
}
