// irq_work callbacks run in hard-interrupt context on the CPU that
// queued them (a self-IPI).  Queuing one while holding, with interrupts
// enabled, a lock the callback takes: the IPI arrives at once and the
// callback spins on the lock its own CPU holds.  The callback ran as on
// another CPU, and this was verified (a probe).  irq_work_queue_locked_ok.c
// holds the lock with interrupts off.
//! expect: bug deadlock
#include <linux/irq_work.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

struct mon { struct irq_work iw; spinlock_t lock; int events; };

static void mon_fn(struct irq_work *w)
{
	struct mon *m = container_of(w, struct mon, iw);

	spin_lock(&m->lock);
	m->events++;
	spin_unlock(&m->lock);
}

WEFT_TEST(irq_work_lock)
{
	struct mon *m = kzalloc(sizeof(*m), GFP_KERNEL);
	unsigned long flags;

	spin_lock_init(&m->lock);
	init_irq_work(&m->iw, mon_fn);
#ifdef FIXED
	spin_lock_irqsave(&m->lock, flags);
	m->events = 0;
	irq_work_queue(&m->iw);
	spin_unlock_irqrestore(&m->lock, flags);
#else
	(void)flags;
	spin_lock(&m->lock);
	m->events = 0;
	irq_work_queue(&m->iw);
	spin_unlock(&m->lock);
#endif
	irq_work_sync(&m->iw);
	kfree(m);
}
