//! expect: bug use-after-free
/* A hard interrupt handler checks `down`, then uses the RX ring; teardown
 * sets `down` and frees the ring.  With a plain kfree the free races with
 * a handler that checked `down` before it was set.  The correct twin
 * frees it with kfree_rcu(): a hard-irq handler runs with interrupts
 * off, a reader as a whole since Linux 4.20, so the grace period waits
 * for a handler that began before the call and comes after one that
 * ended before it, which was a data race (found by a probe of netdev
 * code). */
#include <linux/interrupt.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#define IRQ 22
struct ring { int head; struct rcu_head rcu; };
static struct ring *rx_ring;
static int down;

static irqreturn_t isr(int irq, void *d)
{
	(void)irq;
	(void)d;
	if (READ_ONCE(down))
		return IRQ_NONE;
	struct ring *r = READ_ONCE(rx_ring);
	r->head++;
	return IRQ_HANDLED;
}

WEFT_TEST(rcu_cb_region_irq)
{
	rx_ring = kzalloc(sizeof(*rx_ring), GFP_KERNEL);
	WARN_ON(request_irq(IRQ, isr, 0, "nic", NULL));
	weft_raise_irq(IRQ);
	WRITE_ONCE(down, 1);
#ifdef OK
	kfree_rcu(rx_ring, rcu);
#else
	kfree(rx_ring);
#endif
	free_irq(IRQ, NULL);
	rcu_barrier();
}
