// A threaded interrupt whose hard handler latches a status into dev->status
// and whose threaded handler consumes it, unlocked.  Without IRQF_ONESHOT
// the line is unmasked when the hard handler returns, so the next
// interrupt's hard handler writes the status while the thread reads it (on
// another CPU).  The threaded handler ran in the line's own thread, after
// the hard one, as if IRQF_ONESHOT were always given, and this was
// verified (a probe).  irq_thread_oneshot_ok.c requests IRQF_ONESHOT.
//! expect: bug data-race
#include <linux/interrupt.h>
#include <linux/slab.h>

struct dev { int irq; int status; int handled; };

static irqreturn_t hard(int irq, void *data)
{
	struct dev *d = data;

	(void)irq;
	d->status++;
	return IRQ_WAKE_THREAD;
}

static irqreturn_t thread_fn(int irq, void *data)
{
	struct dev *d = data;

	(void)irq;
	d->handled += d->status;
	return IRQ_HANDLED;
}

static void device(void *arg)
{
	struct dev *d = arg;

	weft_raise_irq(d->irq);
}

WEFT_TEST(threaded_oneshot)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	weft_thread_t t;

	d->irq = 60;
#ifdef FIXED
	WARN_ON(request_threaded_irq(d->irq, hard, thread_fn, IRQF_ONESHOT, "dev", d));
#else
	WARN_ON(request_threaded_irq(d->irq, hard, thread_fn, 0, "dev", d));
#endif
	t = weft_spawn(device, d);
	weft_raise_irq(d->irq);
	weft_join(t);
	free_irq(d->irq, d);
	kfree(d);
}
