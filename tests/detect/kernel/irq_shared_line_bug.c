// Two devices share interrupt line 92 (IRQF_SHARED) and count their
// interrupts in one plain counter.  The kernel calls a line's hard
// handlers one after another, in one interrupt, so two hard handlers'
// updates never race (irq_shared_line_ok.c); weft ran each device's
// handler in a thread of its own, at once, and reported a data race (a
// probe).  Here device b counts in its threaded handler, which runs in a
// thread of its own after its hard handler returned, concurrently with
// the line's next interrupt: a data race.
//! expect: bug data-race
#include <linux/interrupt.h>

static int hits;
static int dev_a, dev_b;

static irqreturn_t isr(int irq, void *d)
{
	(void)irq;
	(void)d;
	hits++;
	return IRQ_HANDLED;
}

static irqreturn_t wake(int irq, void *d)
{
	(void)irq;
	(void)d;
	return IRQ_WAKE_THREAD;
}

static irqreturn_t thr(int irq, void *d)
{
	(void)irq;
	(void)d;
	hits++;
	return IRQ_HANDLED;
}

WEFT_TEST(shared_line_counts)
{
	WARN_ON(request_irq(92, isr, IRQF_SHARED, "a", &dev_a));
#ifdef FIXED
	(void)wake;
	(void)thr;
	WARN_ON(request_irq(92, isr, IRQF_SHARED, "b", &dev_b));
#else
	WARN_ON(request_threaded_irq(92, wake, thr, IRQF_SHARED, "b", &dev_b));
#endif
	weft_raise_irq(92);
	weft_raise_irq(92);
	free_irq(92, &dev_b);
	free_irq(92, &dev_a);
}
