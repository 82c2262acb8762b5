// remove() kills the RX tasklet and then frees the IRQ: an interrupt
// in between schedules the tasklet again, and it runs on the freed
// device.  The fix frees the IRQ first, then kills the tasklet (a
// common remove-order fix).
//! expect: bug use-after-free
#include <linux/interrupt.h>
#include <linux/slab.h>

struct nic {
	struct tasklet_struct rx;
	int irq;
	int packets;
};

static void nic_rx(struct tasklet_struct *t)
{
	struct nic *n = from_tasklet(n, t, rx);

	n->packets++;
}

static irqreturn_t nic_isr(int irq, void *data)
{
	struct nic *n = data;

	(void)irq;
	tasklet_schedule(&n->rx);
	return IRQ_HANDLED;
}

WEFT_TEST(nic_remove)
{
	struct nic *n = kzalloc(sizeof(*n), GFP_KERNEL);

	n->irq = 11;
	tasklet_setup(&n->rx, nic_rx);
	WARN_ON(request_irq(n->irq, nic_isr, 0, "nic", n));
	weft_raise_irq(n->irq);
#ifdef FIXED
	free_irq(n->irq, n);
	tasklet_kill(&n->rx);
#else
	tasklet_kill(&n->rx);
	free_irq(n->irq, n);
#endif
	kfree(n);
}
