// One interrupt on a shared line: the kernel runs the line's handlers in
// the order they were requested.  Device b, requested first here, wakes
// its threaded handler, which counts while device a's hard handler, run
// after b's in the same interrupt, counts too: a data race.
// irq_shared_order_ok.c requests a first: its hard handler runs before
// b's wakes the thread, so the two never overlap.  weft ran the handlers
// in any order, and reported that race for the correct order too (a
// review's probe).
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

WEFT_TEST(one_raise)
{
#ifdef FIXED
	WARN_ON(request_irq(98, isr, IRQF_SHARED, "a", &dev_a));
#endif
	WARN_ON(request_threaded_irq(98, wake, thr, IRQF_SHARED, "b", &dev_b));
#ifndef FIXED
	WARN_ON(request_irq(98, isr, IRQF_SHARED, "a", &dev_a));
#endif
	weft_raise_irq(98);
	free_irq(98, &dev_a);
	free_irq(98, &dev_b);
}
