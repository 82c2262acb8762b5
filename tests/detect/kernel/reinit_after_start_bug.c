// A transfer starts the hardware and only then reinit_completion()s:
// an interrupt that comes in between completes the completion before
// the reinit clears it, and the wait never ends although the transfer
// finished (a timed wait times out: weft lets a timeout fire at any
// time, so the untimed wait shows it as a deadlock).  Many i2c/spi drivers fixed this by moving
// reinit_completion() before the start of the transfer.
//! expect: bug deadlock
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

struct xfer_dev {
	struct completion done;
	int irq;
};

static irqreturn_t xfer_isr(int irq, void *data)
{
	struct xfer_dev *d = data;

	(void)irq;
	complete(&d->done);
	return IRQ_HANDLED;
}

static int xfer(struct xfer_dev *d)
{
#ifdef FIXED
	reinit_completion(&d->done);
	weft_raise_irq(d->irq);			/* start the transfer */
#else
	weft_raise_irq(d->irq);			/* start the transfer */
	reinit_completion(&d->done);
#endif
	wait_for_completion(&d->done);
	return 0;
}

WEFT_TEST(transfer)
{
	struct xfer_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	d->irq = 9;
	init_completion(&d->done);
	WARN_ON(request_irq(d->irq, xfer_isr, 0, "xfer", d));
	WARN_ON(xfer(d));
	WARN_ON(xfer(d));
	free_irq(d->irq, d);
	kfree(d);
}
