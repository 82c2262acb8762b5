// An interrupt handler takes a lock that process context holds with
// interrupts enabled: spin_lock() where spin_lock_irqsave() is needed.
// When the device interrupts the CPU that holds the lock, the handler
// spins on it, and the holder it preempted never runs again to release
// it.  (irq_ok.c takes the lock with spin_lock_irqsave().)
//! expect: bug deadlock
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

struct mydev {
	spinlock_t lock;
	unsigned long events;
	unsigned int irq;
};

static irqreturn_t mydev_interrupt(int irq, void *data)
{
	struct mydev *dev = data;

	(void)irq;
	spin_lock(&dev->lock);
	dev->events++;
	spin_unlock(&dev->lock);
	return IRQ_HANDLED;
}

static unsigned long mydev_read_events(struct mydev *dev)
{
	unsigned long n;

	spin_lock(&dev->lock);
	n = dev->events;
	spin_unlock(&dev->lock);
	return n;
}

WEFT_TEST(interrupt_preempts_lock_holder)
{
	struct mydev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	spin_lock_init(&dev->lock);
	dev->irq = 17;
	WARN_ON(request_irq(dev->irq, mydev_interrupt, 0, "mydev", dev));
	/* The device model: the hardware signals one event. */
	weft_raise_irq(dev->irq);
	mydev_read_events(dev);
	free_irq(dev->irq, dev);
	kfree(dev);
}
