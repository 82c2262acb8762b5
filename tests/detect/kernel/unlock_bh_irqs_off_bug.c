// A helper that takes its lock with spin_lock_bh, called under
// spin_lock_irqsave: its spin_unlock_bh enables softirqs with interrupts
// off, and the softirqs pending would run so.  The kernel warns
// (__local_bh_enable_ip); weft verified it (a probe of driver patterns).
// The fix: a plain spin_lock in the helper (interrupts off keep softirqs
// out as well).
//! expect: bug misuse
#include <linux/interrupt.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(hw_lock);
static DEFINE_SPINLOCK(stats_lock);
static int frames, resets;

static void count_reset(void)
{
#ifdef OK
	spin_lock(&stats_lock);
	resets++;
	spin_unlock(&stats_lock);
#else
	spin_lock_bh(&stats_lock);
	resets++;
	spin_unlock_bh(&stats_lock);
#endif
}

WEFT_TEST(reset_under_irqsave)
{
	unsigned long flags;

	spin_lock_irqsave(&hw_lock, flags);
	count_reset();
	frames = 0;
	spin_unlock_irqrestore(&hw_lock, flags);
	/* With interrupts on, spin_lock_bh is right. */
	spin_lock_bh(&stats_lock);
	resets++;
	spin_unlock_bh(&stats_lock);
}
