// The fix of irq_bug.c (process context takes the lock with
// spin_lock_irqsave(), so the interrupt cannot arrive on its CPU while it
// holds it), and the rest of the interrupt model: the handler runs in
// hard-interrupt context, free_irq() waits for a running handler before
// the device is freed, disable_irq() holds interrupts back until
// enable_irq(), and a threaded handler runs in process context.
//! expect: verified
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/bug.h>

struct mydev {
	spinlock_t lock;
	struct mutex cfg_lock;
	unsigned long events;
	unsigned int irq;
	atomic_t threaded;
};

static irqreturn_t mydev_interrupt(int irq, void *data)
{
	struct mydev *dev = data;

	(void)irq;
	WARN_ON(!in_irq() || !in_interrupt() || !irqs_disabled());
	WARN_ON(in_softirq());
	spin_lock(&dev->lock);
	dev->events++;
	spin_unlock(&dev->lock);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t mydev_thread(int irq, void *data)
{
	struct mydev *dev = data;

	(void)irq;
	WARN_ON(in_interrupt());
	mutex_lock(&dev->cfg_lock);     /* may sleep: process context */
	atomic_inc(&dev->threaded);
	mutex_unlock(&dev->cfg_lock);
	return IRQ_HANDLED;
}

static unsigned long mydev_read_events(struct mydev *dev)
{
	unsigned long n, flags;

	spin_lock_irqsave(&dev->lock, flags);
	WARN_ON(!irqs_disabled());
	n = dev->events;
	spin_unlock_irqrestore(&dev->lock, flags);
	return n;
}

static struct mydev *mydev_probe(irq_handler_t thread_fn)
{
	struct mydev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	spin_lock_init(&dev->lock);
	mutex_init(&dev->cfg_lock);
	dev->irq = 17;
	WARN_ON(request_threaded_irq(dev->irq, mydev_interrupt, thread_fn,
				     IRQF_ONESHOT, "mydev", dev));
	return dev;
}

WEFT_TEST(interrupt_preempts_lock_holder)
{
	struct mydev *dev = mydev_probe(NULL);

	weft_raise_irq(dev->irq);
	mydev_read_events(dev);
	free_irq(dev->irq, dev);
	kfree(dev);
}

WEFT_TEST(free_irq_waits_for_handler)
{
	struct mydev *dev = mydev_probe(mydev_thread);

	weft_raise_irq(dev->irq);
	free_irq(dev->irq, dev);
	/* The handler has finished or never ran, and never runs again. */
	WARN_ON(dev->events > 1);
	WARN_ON(atomic_read(&dev->threaded) != (int)dev->events);
	kfree(dev);
}

WEFT_TEST(disable_irq_holds_interrupts_back)
{
	struct mydev *dev = mydev_probe(NULL);
	unsigned long before;

	disable_irq(dev->irq);
	weft_raise_irq(dev->irq);
	before = dev->events;
	WARN_ON(before != 0);
	enable_irq(dev->irq);
	synchronize_irq(dev->irq);
	free_irq(dev->irq, dev);
	kfree(dev);
}
