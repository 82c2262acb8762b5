//! args: --strategy=dfs --preemption-bound=1 --iterations=1000000 --time-limit=0
//! expect: verified
/*
 * Seed 001 - "IPoIB: Use a private hash table for path lookup in xmit path"
 * (Shlomo Pongratz, 2012), AFTER the patch: ipoib_neigh lives in a private
 * hash table keyed by the destination hardware address.  ipoib_start_xmit
 * looks it up under rcu_read_lock and takes a reference with
 * atomic_inc_not_zero (ipoib_neigh_get), dropping it after the send
 * (ipoib_neigh_put).  Deletions (ipoib_neigh_free from the path flush,
 * and the garbage collector) unlink under priv->lock with
 * hlist_del_rcu and drop the table's reference from an RCU callback
 * (ipoib_neigh_reclaim); the last reference frees the entry.  The GC
 * (neigh_reap_task, delayed work every M jiffies) deletes entries idle
 * for at least 2*M; ipoib_neigh_hash_uninit stops it with
 * cancel_delayed_work_sync, flushes every entry and waits for the RCU
 * callbacks.
 *
 * xmit_vs_path_flush: the seed's race, now clean.
 * xmit_vs_gc: a transmit racing the GC (time is virtual: the GC may run
 *   before or after the send refreshes neigh->alive); then the device
 *   goes down.  Clean: the GC never frees an entry in use, and nothing
 *   leaks.
 */
#include <weft/linux.h>

#define IPOIB_NEIGH_BUCKETS 2
#define GC_PERIOD 100 /* M, in jiffies (arp_tbl.gc_interval) */

enum { IPOIB_STOP_NEIGH_GC = 0 };

struct ipoib_neigh {
	u8 daddr;                 /* the key: hardware address, cut down */
	u32 dqpn;
	atomic_t refcnt;
	unsigned long alive;
	struct hlist_node hnode;
	struct rcu_head rcu;
};

struct ipoib_dev_priv {
	spinlock_t lock;
	unsigned long flags;
	struct hlist_head buckets[IPOIB_NEIGH_BUCKETS];
	struct delayed_work neigh_reap_task;
	struct workqueue_struct *wq;
	unsigned long tx_packets;
};

static struct ipoib_dev_priv priv0;

static void ipoib_neigh_put(struct ipoib_neigh *neigh)
{
	if (atomic_dec_and_test(&neigh->refcnt))
		kfree(neigh); /* ipoib_neigh_dtor */
}

/* Called as a result of removal from the hash table; TX may hold a ref. */
static void ipoib_neigh_reclaim(struct rcu_head *rp)
{
	ipoib_neigh_put(container_of(rp, struct ipoib_neigh, rcu));
}

static struct ipoib_neigh *ipoib_neigh_get(struct ipoib_dev_priv *priv,
					   u8 daddr)
{
	struct ipoib_neigh *neigh;

	rcu_read_lock_bh();
	hlist_for_each_entry_rcu(neigh, &priv->buckets[daddr % IPOIB_NEIGH_BUCKETS],
				 hnode) {
		if (neigh->daddr == daddr) {
			if (!atomic_inc_not_zero(&neigh->refcnt))
				neigh = NULL; /* deleted */
			else
				WRITE_ONCE(neigh->alive, jiffies);
			break;
		}
	}
	rcu_read_unlock_bh();
	return neigh;
}

static void ipoib_neigh_add(struct ipoib_dev_priv *priv, u8 daddr)
{
	struct ipoib_neigh *neigh = kzalloc(sizeof(*neigh), GFP_KERNEL);
	unsigned long flags;

	neigh->daddr = daddr;
	neigh->dqpn = 0x48;
	atomic_set(&neigh->refcnt, 1); /* the table's */
	neigh->alive = jiffies;
	spin_lock_irqsave(&priv->lock, flags);
	hlist_add_head_rcu(&neigh->hnode,
			   &priv->buckets[daddr % IPOIB_NEIGH_BUCKETS]);
	spin_unlock_irqrestore(&priv->lock, flags);
}

/* Under priv->lock: unlink and drop the table's reference after a grace
 * period. */
static void ipoib_neigh_free(struct ipoib_neigh *neigh)
{
	hlist_del_rcu(&neigh->hnode);
	call_rcu(&neigh->rcu, ipoib_neigh_reclaim);
}

static void ipoib_send(struct ipoib_dev_priv *priv, u32 qpn)
{
	(void)qpn;
	spin_lock(&priv->lock);
	priv->tx_packets++;
	spin_unlock(&priv->lock);
}

static void ipoib_start_xmit(void *arg)
{
	struct ipoib_dev_priv *priv = &priv0;
	struct ipoib_neigh *neigh;

	(void)arg;
	neigh = ipoib_neigh_get(priv, 0x11);
	if (neigh) {
		ipoib_send(priv, READ_ONCE(neigh->dqpn));
		ipoib_neigh_put(neigh);
	}
	/* else: ipoib_path_lookup() would create one (left out) */
}

/* ipoib_flush_paths / ipoib_del_neighs_by_gid: every neighbour goes. */
static void ipoib_flush_neighs(struct ipoib_dev_priv *priv)
{
	struct ipoib_neigh *neigh;
	struct hlist_node *n;
	unsigned long flags;
	int i;

	spin_lock_irqsave(&priv->lock, flags);
	for (i = 0; i < IPOIB_NEIGH_BUCKETS; i++)
		hlist_for_each_entry_safe(neigh, n, &priv->buckets[i], hnode)
			ipoib_neigh_free(neigh);
	spin_unlock_irqrestore(&priv->lock, flags);
}

static void __ipoib_reap_neigh(struct ipoib_dev_priv *priv)
{
	struct ipoib_neigh *neigh;
	struct hlist_node *n;
	unsigned long flags, neigh_obsolete;
	int i;

	if (test_bit(IPOIB_STOP_NEIGH_GC, &priv->flags))
		return;
	spin_lock_irqsave(&priv->lock, flags);
	/* neigh is obsolete if it was idle for two GC periods */
	neigh_obsolete = jiffies - 2 * GC_PERIOD;
	for (i = 0; i < IPOIB_NEIGH_BUCKETS; i++)
		hlist_for_each_entry_safe(neigh, n, &priv->buckets[i], hnode)
			if (time_after(neigh_obsolete, READ_ONCE(neigh->alive)))
				ipoib_neigh_free(neigh);
	spin_unlock_irqrestore(&priv->lock, flags);
}

static void ipoib_reap_neigh(struct work_struct *work)
{
	struct ipoib_dev_priv *priv =
		container_of(work, struct ipoib_dev_priv, neigh_reap_task.work);

	__ipoib_reap_neigh(priv);
	if (!test_bit(IPOIB_STOP_NEIGH_GC, &priv->flags))
		queue_delayed_work(priv->wq, &priv->neigh_reap_task, GC_PERIOD);
}

static void ipoib_neigh_hash_init(struct ipoib_dev_priv *priv)
{
	spin_lock_init(&priv->lock);
	priv->wq = create_singlethread_workqueue("ipoib_wq");
	INIT_DELAYED_WORK(&priv->neigh_reap_task, ipoib_reap_neigh);
	queue_delayed_work(priv->wq, &priv->neigh_reap_task, GC_PERIOD);
}

static void ipoib_neigh_hash_uninit(struct ipoib_dev_priv *priv)
{
	set_bit(IPOIB_STOP_NEIGH_GC, &priv->flags);
	cancel_delayed_work_sync(&priv->neigh_reap_task);
	ipoib_flush_neighs(priv);
	rcu_barrier(); /* the table's references are dropped */
	destroy_workqueue(priv->wq);
}

WEFT_TEST(xmit_vs_path_flush)
{
	weft_thread_t xmit;

	ipoib_neigh_hash_init(&priv0);
	ipoib_neigh_add(&priv0, 0x11);
	xmit = weft_spawn(ipoib_start_xmit, NULL);
	ipoib_flush_neighs(&priv0);
	weft_join(xmit);
	ipoib_neigh_hash_uninit(&priv0);
}

WEFT_TEST(xmit_vs_gc)
{
	weft_thread_t xmit;

	ipoib_neigh_hash_init(&priv0);
	ipoib_neigh_add(&priv0, 0x11);
	xmit = weft_spawn(ipoib_start_xmit, NULL);
	msleep(3 * GC_PERIOD); /* let the GC run while the packet goes out */
	weft_join(xmit);
	ipoib_neigh_hash_uninit(&priv0);
}
