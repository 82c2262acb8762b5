// More bit spinlocks held at once than weft keeps the holders of (32):
// the hard-interrupt check would miss a holder, so the execution is
// weft's limit, inconclusive, where it was a silent verification of a
// program whose handler spins on a bit process context holds with
// interrupts enabled (a review's probe).
//! expect: inconclusive bit-locks
#include <linux/bit_spinlock.h>
#include <linux/interrupt.h>

static unsigned long bits[2];
static int dev;

static irqreturn_t isr(int irq, void *d)
{
	(void)irq;
	(void)d;
	bit_spin_lock(39, bits);
	bit_spin_unlock(39, bits);
	return IRQ_HANDLED;
}

WEFT_TEST(forty_bit_locks)
{
	WARN_ON(request_irq(71, isr, 0, "dev", &dev));
	for (int i = 0; i < 40; i++)
		bit_spin_lock(i, bits);
	weft_raise_irq(71);
	for (int i = 39; i >= 0; i--)
		bit_spin_unlock(i, bits);
	free_irq(71, &dev);
}
