// irq_thread_oneshot_bug.c with IRQF_ONESHOT: the line stays masked until
// the threaded handler returns.  And a shared line both devices request
// IRQF_ONESHOT, one counting in its hard handler, the other in its
// threaded handler: the line stays masked until the thread returns, so
// the hard handler never runs meanwhile (a false data race before: a
// review's probe).
//! expect: verified
#define FIXED
#include "irq_thread_oneshot_bug.c"

static int hits;
static int dev_a, dev_b;

static irqreturn_t isr(int irq, void *d)
{
	(void)irq;
	(void)d;
	hits++;
	return IRQ_HANDLED;
}

static irqreturn_t thr(int irq, void *d)
{
	(void)irq;
	(void)d;
	hits++;
	return IRQ_HANDLED;
}

WEFT_TEST(oneshot_shared)
{
	WARN_ON(request_threaded_irq(92, isr, NULL, IRQF_SHARED | IRQF_ONESHOT,
				     "a", &dev_a));
	WARN_ON(request_threaded_irq(92, NULL, thr, IRQF_SHARED | IRQF_ONESHOT,
				     "b", &dev_b));
	weft_raise_irq(92);
	weft_raise_irq(92);
	free_irq(92, &dev_b);
	free_irq(92, &dev_a);
}
