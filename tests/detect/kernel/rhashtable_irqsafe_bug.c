// rhashtable from interrupt context, as Linux 6.2 allows (rht_lock takes
// the bucket lock with local_irq_save): an insert under spin_lock_irqsave
// and one from a hard-interrupt hrtimer callback.  weft's table took the
// bucket lock with softirqs off, and the spin_unlock_bh check reported
// both as misuse (a review's finding).  The bug: the table is destroyed
// before the timer whose callback inserts into it is cancelled (misuse).
//! expect: bug misuse
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct peer {
	u32 addr;
	struct rhash_head node;
};

static const struct rhashtable_params peer_params = {
	.key_len = sizeof(u32),
	.key_offset = offsetof(struct peer, addr),
	.head_offset = offsetof(struct peer, node),
};
static struct rhashtable peers;
static DEFINE_SPINLOCK(dev_lock);
static struct peer a = { .addr = 1 }, b = { .addr = 2 };
static struct hrtimer tmr;

static enum hrtimer_restart expire(struct hrtimer *t)
{
	(void)t;
	rhashtable_insert_fast(&peers, &b.node, peer_params);
	return HRTIMER_NORESTART;
}

WEFT_TEST(insert_from_irq_contexts)
{
	unsigned long flags;

	rhashtable_init(&peers, &peer_params);
	spin_lock_irqsave(&dev_lock, flags);
	rhashtable_insert_fast(&peers, &a.node, peer_params);
	spin_unlock_irqrestore(&dev_lock, flags);
	hrtimer_setup(&tmr, expire, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start(&tmr, ms_to_ktime(1), HRTIMER_MODE_REL);
#ifdef OK
	hrtimer_cancel(&tmr);
	rhashtable_destroy(&peers);
#else
	rhashtable_destroy(&peers);
	hrtimer_cancel(&tmr);
#endif
}
