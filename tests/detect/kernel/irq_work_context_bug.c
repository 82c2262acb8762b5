// A perf-style driver: the hard interrupt handler records samples under a
// spinlock, and an irq_work (hard-interrupt context, interrupts off, on
// the CPU that queued it) drains them under the same lock with plain
// spin_lock, which is correct; process context uses spin_lock_irqsave
// (irq_work_context_ok.c).  The irq_work ran as a plain atomic section
// with interrupts on: the callback's plain spin_lock was a false deadlock
// against the handler, and lockdep_assert_irqs_disabled() in it a false
// misuse (a probe).  Here process context takes the lock with plain
// spin_lock: the interrupt on its CPU spins for ever.
//! expect: bug deadlock
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

struct pmu { spinlock_t lock; struct irq_work drain; int irq; int samples, drained; };

static void drain_fn(struct irq_work *w)
{
	struct pmu *p = container_of(w, struct pmu, drain);

	lockdep_assert_irqs_disabled();
	WARN_ON(!in_hardirq());
	spin_lock(&p->lock);
	p->drained += p->samples;
	p->samples = 0;
	spin_unlock(&p->lock);
}

static irqreturn_t pmu_isr(int irq, void *data)
{
	struct pmu *p = data;

	(void)irq;
	spin_lock(&p->lock);
	p->samples++;
	spin_unlock(&p->lock);
	irq_work_queue(&p->drain);
	return IRQ_HANDLED;
}

WEFT_TEST(irq_work_hardirq_lock)
{
	struct pmu *p = kzalloc(sizeof(*p), GFP_KERNEL);
	unsigned long flags;

	spin_lock_init(&p->lock);
	init_irq_work(&p->drain, drain_fn);
	p->irq = 99;
	WARN_ON(request_irq(p->irq, pmu_isr, 0, "pmu", p));
	weft_raise_irq(p->irq);
	weft_raise_irq(p->irq);
#ifdef FIXED
	spin_lock_irqsave(&p->lock, flags);
	p->samples = 0;
	spin_unlock_irqrestore(&p->lock, flags);
#else
	(void)flags;
	spin_lock(&p->lock);
	p->samples = 0;
	spin_unlock(&p->lock);
#endif
	free_irq(p->irq, p);
	irq_work_sync(&p->drain);
	kfree(p);
}
