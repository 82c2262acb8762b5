// A driver takes the lock its interrupt handler takes without disabling
// interrupts, and masks the line with disable_irq_nosync() only after it
// took the lock: an interrupt that arrived on its CPU in between spins on
// the lock for ever.  irq_nosync_lock_ok.c masks the line first, after
// which an interrupt still running ran on another CPU and only waits for
// the unlock; weft reported that as a deadlock too (a review's finding).
// Both with a spinlock and with a bit spinlock.
//! expect: bug deadlock
#include <linux/bit_spinlock.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/bug.h>

struct mydev {
	spinlock_t lock;
	unsigned long bits;
	unsigned long events;
	unsigned int irq;
};

static irqreturn_t spin_isr(int irq, void *data)
{
	struct mydev *dev = data;

	(void)irq;
	spin_lock(&dev->lock);
	dev->events++;
	spin_unlock(&dev->lock);
	return IRQ_HANDLED;
}

static irqreturn_t bit_isr(int irq, void *data)
{
	struct mydev *dev = data;

	(void)irq;
	bit_spin_lock(0, &dev->bits);
	dev->events++;
	bit_spin_unlock(0, &dev->bits);
	return IRQ_HANDLED;
}

static struct mydev *probe(irq_handler_t isr)
{
	struct mydev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	spin_lock_init(&dev->lock);
	dev->irq = 17;
	WARN_ON(request_irq(dev->irq, isr, 0, "mydev", dev));
	weft_raise_irq(dev->irq);
	return dev;
}

static void remove(struct mydev *dev)
{
	enable_irq(dev->irq);
	free_irq(dev->irq, dev);
	kfree(dev);
}

WEFT_TEST(nosync_spinlock)
{
	struct mydev *dev = probe(spin_isr);

#ifdef FIXED
	disable_irq_nosync(dev->irq);
	spin_lock(&dev->lock);
#else
	spin_lock(&dev->lock);
	disable_irq_nosync(dev->irq);
#endif
	dev->events++;
	spin_unlock(&dev->lock);
	remove(dev);
}

WEFT_TEST(nosync_bit_lock)
{
	struct mydev *dev = probe(bit_isr);

#ifdef FIXED
	disable_irq_nosync(dev->irq);
	bit_spin_lock(0, &dev->bits);
#else
	bit_spin_lock(0, &dev->bits);
	disable_irq_nosync(dev->irq);
#endif
	dev->events++;
	bit_spin_unlock(0, &dev->bits);
	remove(dev);
}
