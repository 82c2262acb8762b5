// A bit spinlock taken by an interrupt handler and by process context
// with interrupts enabled: the interrupt on the holder's CPU spins on the
// bit for ever.  The hard-interrupt check that spinlocks have did not
// cover bit locks, and this was verified (a probe).  bit_spin_irq_ok.c
// disables interrupts around process context's hold.
//! expect: bug deadlock
#include <linux/bit_spinlock.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

struct dev {
	unsigned long bits;
	int irq;
	int n;
};

static irqreturn_t isr(int irq, void *data)
{
	struct dev *d = data;

	(void)irq;
	bit_spin_lock(0, &d->bits);
	d->n++;
	bit_spin_unlock(0, &d->bits);
	return IRQ_HANDLED;
}

WEFT_TEST(bit_spin_irq)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	unsigned long flags;

	d->irq = 71;
	WARN_ON(request_irq(d->irq, isr, 0, "dev", d));
	weft_raise_irq(d->irq);
#ifdef FIXED
	local_irq_save(flags);
#else
	(void)flags;
#endif
	bit_spin_lock(0, &d->bits);
	d->n = 0;
	bit_spin_unlock(0, &d->bits);
#ifdef FIXED
	local_irq_restore(flags);
#endif
	free_irq(d->irq, d);
	kfree(d);
}
