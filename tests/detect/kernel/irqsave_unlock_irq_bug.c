// A helper that takes its own lock with spin_lock_irq, called under
// spin_lock_irqsave: its spin_unlock_irq enables interrupts while the
// outer lock is still held, and the interrupt handler that takes the
// outer lock spins for ever on the holder's CPU.  The report blamed the
// outer spin_lock_irqsave ("without disabling interrupts"); it names the
// spin_unlock_irq now (tests/cli/kernel_explain.sh; a probe of driver
// patterns).  The fix: a plain spin_lock in the helper.
//! expect: bug deadlock
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(tx_lock);
static DEFINE_SPINLOCK(stats_lock);
static int tx_done, stat;

static irqreturn_t tx_irq(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	spin_lock(&tx_lock);
	tx_done++;
	spin_unlock(&tx_lock);
	return IRQ_HANDLED;
}

static void stats_update(void)
{
#ifdef OK
	spin_lock(&stats_lock);
	stat++;
	spin_unlock(&stats_lock);
#else
	spin_lock_irq(&stats_lock);
	stat++;
	spin_unlock_irq(&stats_lock);
#endif
}

WEFT_TEST(unlock_irq_inside_irqsave)
{
	unsigned long flags;

	WARN_ON(request_irq(11, tx_irq, 0, "nic", NULL));
	weft_raise_irq(11);
	spin_lock_irqsave(&tx_lock, flags);
	stats_update();
	mdelay(1);
	spin_unlock_irqrestore(&tx_lock, flags);
	free_irq(11, NULL);
}
