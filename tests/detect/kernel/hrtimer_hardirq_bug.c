// An hrtimer started without HRTIMER_MODE_SOFT expires in hard-interrupt
// context (since Linux 5.4).  Process context guards the state it shares
// with the callback with spin_lock_bh, which keeps softirqs off but not
// interrupts: on the holder's CPU the expiry interrupts it, and the
// callback spins for ever on the lock.  weft ran every hrtimer as a
// softirq and verified this (a probe of driver patterns).  The fixes:
// spin_lock_irqsave here, or a _SOFT hrtimer (hrtimer_hardirq_ok.c).
//! expect: bug deadlock
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

static DEFINE_SPINLOCK(stats_lock);
static struct hrtimer sampler;
static unsigned long samples, reads;

static enum hrtimer_restart sample(struct hrtimer *t)
{
	(void)t;
	spin_lock(&stats_lock);
	samples++;
	spin_unlock(&stats_lock);
	return HRTIMER_NORESTART;
}

#ifdef OK
#define SAMPLER_MODE HRTIMER_MODE_REL_SOFT
#else
#define SAMPLER_MODE HRTIMER_MODE_REL
#endif

WEFT_TEST(sampler_vs_bh_lock)
{
	unsigned long flags;

	hrtimer_setup(&sampler, sample, CLOCK_MONOTONIC, SAMPLER_MODE);
	hrtimer_start(&sampler, ms_to_ktime(1), SAMPLER_MODE);
	spin_lock_bh(&stats_lock);
	reads = samples;
	mdelay(2);
	spin_unlock_bh(&stats_lock);
	hrtimer_cancel(&sampler);
	/* An interrupt-safe section is right for either kind. */
	hrtimer_start(&sampler, ms_to_ktime(1), SAMPLER_MODE);
	spin_lock_irqsave(&stats_lock, flags);
	reads = samples;
	spin_unlock_irqrestore(&stats_lock, flags);
	hrtimer_cancel(&sampler);
}
