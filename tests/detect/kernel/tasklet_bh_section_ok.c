// A per-CPU backlog filled with softirqs off, and the tasklet that drains
// it scheduled after the first item (as netif_rx and its NET_RX softirq
// do).  The tasklet runs on the CPU that scheduled it, in softirq context,
// which that CPU does not enter before local_bh_enable: the drain sees
// both items.  weft ran tasklets as on a CPU of their own, so the drain
// could run between the two list_add_tails: a false data race on the
// backlog.  A tasklet scheduled with softirqs or interrupts off now waits
// for the end of that section (ext_softirq.c).
// tasklet_bh_section_bug.c fills the backlog with softirqs on, where the
// tasklet may run between the items (on an interrupt's exit).
//! expect(bh_section): verified
//! expect(irq_section): verified
#include <linux/bottom_half.h>
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/irqflags.h>
#include <linux/slab.h>

struct item {
	struct list_head node;
	int v;
};

static LIST_HEAD(backlog);
static struct tasklet_struct drain_t;
int sum, queued;

static void drain(struct tasklet_struct *t)
{
	struct item *it, *n;

	(void)t;
	list_for_each_entry_safe(it, n, &backlog, node) {
		list_del(&it->node);
		sum += it->v;
		kfree(it);
	}
}

/* Two items on the backlog, the tasklet scheduled after the first.  An
 * item GFP_ATOMIC has no memory for is dropped, as netif_rx drops a
 * packet (it dereferenced NULL once allocations could fail). */
static void fill(void)
{
	for (int i = 1; i <= 2; i++) {
		struct item *it = kmalloc(sizeof(*it), GFP_ATOMIC);

		if (!it)
			continue;
		it->v = i;
		list_add_tail(&it->node, &backlog);
		if (!queued)
			tasklet_schedule(&drain_t);
		queued += i;
	}
}

WEFT_TEST(bh_section)
{
	tasklet_setup(&drain_t, drain);
#ifndef BH_ON
	local_bh_disable();
#endif
	fill();
#ifndef BH_ON
	local_bh_enable();
#endif
	tasklet_kill(&drain_t);
	weft_assert(sum == queued);
}

/* The same with interrupts off (local_irq_save), which keeps softirqs off
 * the CPU as well. */
WEFT_TEST(irq_section)
{
	unsigned long flags = 0;

	tasklet_setup(&drain_t, drain);
#ifndef BH_ON
	local_irq_save(flags);
#endif
	fill();
#ifndef BH_ON
	local_irq_restore(flags);
#endif
	(void)flags;
	tasklet_kill(&drain_t);
	weft_assert(sum == queued);
}
