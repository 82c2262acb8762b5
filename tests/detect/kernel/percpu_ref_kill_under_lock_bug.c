// A queue is killed under its list lock (so that 'dying' and the kill are
// one step for submitters that look under the lock); its release callback
// takes the same lock to unlink the queue.  In the kernel the release never
// runs inside percpu_ref_kill() of a ref in per-CPU mode: the initial
// reference is dropped with the per-CPU bias still counted, and the
// release runs later, from the RCU callback that ends the switch to
// atomic mode (softirq context, after the killer's spin_unlock_bh), or
// from a later user's put.  So percpu_ref_kill_under_lock_ok.c, which
// takes the lock with spin_lock_bh, is correct; weft ran the release
// inside the kill, under the killer's lock, and reported a deadlock
// (found by a probe of percpu_ref).  The bug here: the killer takes the
// lock with plain spin_lock() while the release takes it in softirq
// context: the softirq may spin on it on top of its holder.
//! expect: bug deadlock
#include <linux/percpu-refcount.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/completion.h>

struct queue {
	struct percpu_ref ref;
	struct list_head node;
	bool dying;
};
static DEFINE_SPINLOCK(queues_lock);
static LIST_HEAD(queues);
static DECLARE_COMPLETION(released);

static void queue_release(struct percpu_ref *ref)
{
	struct queue *q = container_of(ref, struct queue, ref);

	spin_lock(&queues_lock);
	list_del(&q->node);
	spin_unlock(&queues_lock);
	complete(&released);
}

WEFT_TEST(kill_queue_under_lock)
{
	struct queue *q = kzalloc(sizeof(*q), GFP_KERNEL);

	percpu_ref_init(&q->ref, queue_release, 0, GFP_KERNEL);
	spin_lock_bh(&queues_lock);
	list_add(&q->node, &queues);
	spin_unlock_bh(&queues_lock);

#ifdef OK
	spin_lock_bh(&queues_lock);
#else
	spin_lock(&queues_lock);
#endif
	q->dying = true;
	percpu_ref_kill(&q->ref);
#ifdef OK
	spin_unlock_bh(&queues_lock);
#else
	spin_unlock(&queues_lock);
#endif
	wait_for_completion(&released);
	percpu_ref_exit(&q->ref);
	kfree(q);
}
