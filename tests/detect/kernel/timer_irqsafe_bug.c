// A timer callback and an interrupt handler share a lock, both taking it
// with a plain spin_lock.  An ordinary timer's callback runs with
// interrupts on: the interrupt arriving on its CPU spins for ever on the
// lock the callback holds.  The fix (the _ok twin) sets TIMER_IRQSAFE,
// whose callback the kernel's expire_timers runs with interrupts off;
// weft ran it with them on and reported the fix as a deadlock too (a
// review's finding, after a probe of driver patterns).
//! expect: bug deadlock
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#ifdef OK
#define TIMER_FLAGS TIMER_IRQSAFE
#else
#define TIMER_FLAGS 0
#endif

static DEFINE_SPINLOCK(lk);
static struct timer_list tm;
static int n;

static void tfn(struct timer_list *t)
{
	(void)t;
	spin_lock(&lk);
	n++;
	spin_unlock(&lk);
}

static irqreturn_t h(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	spin_lock(&lk);
	n++;
	spin_unlock(&lk);
	return IRQ_HANDLED;
}

WEFT_TEST(irqsafe_timer_vs_irq)
{
	unsigned long f;

	WARN_ON(request_irq(5, h, 0, "dev", NULL));
	timer_setup(&tm, tfn, TIMER_FLAGS);
	mod_timer(&tm, jiffies + 1);
	weft_raise_irq(5);
	msleep(20);
	del_timer_sync(&tm);
	spin_lock_irqsave(&lk, f);
	n++;
	spin_unlock_irqrestore(&lk, f);
	free_irq(5, NULL);
}
