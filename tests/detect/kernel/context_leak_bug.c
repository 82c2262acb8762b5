// A callback that gives back its context changed: a work that returns
// with softirqs disabled (spin_lock_bh ... spin_unlock), a timer callback
// that returns with preemption disabled (get_cpu without put_cpu), and an
// interrupt handler that enables interrupts (spin_lock_irq/spin_unlock_irq
// where the irqsave forms belong).  The kernel reports each ("BUG:
// workqueue leaked atomic, lock or RCU", the timer's "preempt leak",
// genirq's "handler enabled interrupts"); weft verified them (a probe of
// kernel patterns).  context_leak_ok.c uses the matching forms.
//! expect(work_bh_leak): bug misuse
//! expect(timer_preempt_leak): bug misuse
//! expect(irq_enables_irqs): bug misuse
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

static DEFINE_SPINLOCK(lock);
int ev;

static void w_fn(struct work_struct *w)
{
	(void)w;
	spin_lock_bh(&lock);
	ev++;
#ifdef CONTEXT_LEAK_OK
	spin_unlock_bh(&lock);
#else
	spin_unlock(&lock);
#endif
}

WEFT_TEST(work_bh_leak)
{
	static DECLARE_WORK(w, w_fn);

	schedule_work(&w);
	flush_work(&w);
}

static struct timer_list tm;

static void tm_fn(struct timer_list *t)
{
	int cpu = get_cpu();

	(void)t;
	ev += cpu;
#ifdef CONTEXT_LEAK_OK
	put_cpu();
#endif
}

WEFT_TEST(timer_preempt_leak)
{
	timer_setup(&tm, tm_fn, 0);
	mod_timer(&tm, jiffies + 1);
	del_timer_sync(&tm);
}

static irqreturn_t handler(int irq, void *d)
{
#ifdef CONTEXT_LEAK_OK
	unsigned long flags;

	spin_lock_irqsave(&lock, flags);
	ev++;
	spin_unlock_irqrestore(&lock, flags);
#else
	spin_lock_irq(&lock);
	ev++;
	spin_unlock_irq(&lock);
#endif
	(void)irq;
	(void)d;
	return IRQ_HANDLED;
}

WEFT_TEST(irq_enables_irqs)
{
	unsigned long flags;

	WARN_ON(request_irq(4, handler, 0, "dev", NULL));
	weft_raise_irq(4);
	spin_lock_irqsave(&lock, flags);
	ev = 0;
	spin_unlock_irqrestore(&lock, flags);
	free_irq(4, NULL);
}
