//! expect: bug use-after-free
/* The xmit path finds the queue through a READ_ONCE'd pointer and uses
 * it; teardown clears the pointer and frees the queue with kfree_rcu().
 * Here xmit runs preemptible, without rcu_read_lock: no reader, so the
 * grace period need not wait for it, and the free races with its write.
 * The correct twin runs it with softirqs disabled (local_bh_disable, as
 * dev_queue_xmit does), a reader since Linux 4.20: a region that saw the
 * pointer began before the call, and the callback comes after its end.
 * That twin was a data race: the callback was not ordered after a region
 * that ended before the call (found by a probe of netdev code). */
#include <linux/rcupdate.h>
#include <linux/bottom_half.h>
#include <linux/slab.h>

struct txq { int sent; struct rcu_head rcu; };
static struct txq *q;

#ifdef CALL_RCU
static void txq_free(struct rcu_head *h)
{
	kfree(container_of(h, struct txq, rcu));
}
#endif

static void xmit(void *a)
{
	(void)a;
#ifdef OK
	local_bh_disable();
#endif
	struct txq *t = READ_ONCE(q);
	if (t)
		t->sent++;
#ifdef OK
	local_bh_enable();
#endif
}

#ifdef CALL_RCU
WEFT_TEST(rcu_cb_region_call)
#else
WEFT_TEST(rcu_cb_region_bh)
#endif
{
	struct txq *t = kzalloc(sizeof(*t), GFP_KERNEL);
	weft_thread_t th;

	WRITE_ONCE(q, t);
	th = weft_spawn(xmit, NULL);
	WRITE_ONCE(q, NULL);
#ifdef CALL_RCU
	call_rcu(&t->rcu, txq_free);
#else
	kfree_rcu(t, rcu);
#endif
	weft_join(th);
	rcu_barrier();
}
