// Kernel rwsem readers beyond thread 64: the read holders are found in
// the threads' held sets (a 64-bit mask on the lock aliased thread 128
// with the test thread).  The test thread and thread 128 both read.
//! expect(rwsem_reader128): verified
//! expect(irq_rwlock_reader_irqsave): verified
#include <linux/interrupt.h>

#ifndef NT
#define NT 128
#endif
static DECLARE_RWSEM(sem);
static void idle(void *a) { (void)a; }
static void reader(void *a)
{
	(void)a;
	down_read(&sem);
	up_read(&sem);
}
WEFT_TEST(rwsem_reader128)
{
	weft_thread_t t[NT + 1];
	down_read(&sem);
	for (int k = 1; k <= NT; k++)
		t[k] = weft_spawn(k == NT ? reader : idle, NULL);
	for (int k = 1; k <= NT; k++)
		weft_join(t[k]);
	up_read(&sem);
}

/* An interrupt handler writes an rwlock_t that process context reads
 * with interrupts disabled: correct.  The check for a holder with
 * interrupts enabled scanned 256 threads in a 64-bit mask and saw the
 * test thread again as a thread 64 (a false deadlock with 2 threads). */
#include <linux/spinlock.h>
#include <linux/slab.h>

struct mydev {
	rwlock_t lock;
	unsigned long events;
	unsigned int irq;
};

static irqreturn_t mydev_interrupt(int irq, void *data)
{
	struct mydev *dev = data;

	(void)irq;
	write_lock(&dev->lock);
	dev->events++;
	write_unlock(&dev->lock);
	return IRQ_HANDLED;
}

WEFT_TEST(irq_rwlock_reader_irqsave)
{
	struct mydev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	unsigned long flags, n;

	rwlock_init(&dev->lock);
	dev->irq = 17;
	WARN_ON(request_irq(dev->irq, mydev_interrupt, 0, "mydev", dev));
	weft_raise_irq(dev->irq);
	read_lock_irqsave(&dev->lock, flags);
	n = dev->events;
	read_unlock_irqrestore(&dev->lock, flags);
	(void)n;
	free_irq(dev->irq, dev);
	kfree(dev);
}
