//! expect: bug use-after-free
/*
 * Seed 001 - "IPoIB: Use a private hash table for path lookup in xmit path"
 * (Shlomo Pongratz, 2012), BEFORE the patch: the ipoib_neigh is stashed in
 * the generic neighbour (the pointer cookie after the address in n->ha,
 * *to_ipoib_neigh(n)).  Changes are made under priv->lock, but
 * ipoib_start_xmit() reads the cookie without any synchronisation, so, as
 * Dave Miller's drawing has it:
 *
 *     cpu 1                     cpu 2
 *     n = *ipoib_neigh()
 *                               *ipoib_neigh() = NULL
 *                               kfree(n)
 *     n->foo == OOPS
 *
 * xmit_vs_path_flush: one thread transmits to the neighbour while the path
 * is flushed (ipoib_flush_paths -> ipoib_neigh_free under priv->lock);
 * the transmit path's read of neigh->ah is a `use-after-free`.  The cookie
 * is read with READ_ONCE (written with WRITE_ONCE); neigh->ah is read
 * plainly, as in the driver ("n->foo == OOPS"): the read races with the
 * kfree, weft makes that site a scheduling point, and then finds the order
 * in which the free comes first.
 */
#include <weft/linux.h>

struct ipoib_ah {
	struct kref ref;
};

struct neighbour {
	unsigned char ha[32]; /* 20-byte address, then the ipoib_neigh cookie */
};

struct ipoib_neigh {
	struct ipoib_ah *ah;
	u32 dqpn;
	struct neighbour *neighbour;
	struct list_head list; /* on the path's neigh_list */
};

struct ipoib_dev_priv {
	spinlock_t lock;
	struct list_head neigh_list; /* path->neigh_list, cut down */
	unsigned long tx_packets;
};

#define to_ipoib_neigh(n) ((struct ipoib_neigh **)((n)->ha + 24))

static struct ipoib_dev_priv priv0;
static struct neighbour n0;
static struct ipoib_ah ah0;

static void ipoib_ah_release(struct kref *ref)
{
	(void)ref;
}

static void ipoib_put_ah(struct ipoib_ah *ah)
{
	kref_put(&ah->ref, ipoib_ah_release);
}

static void ipoib_neigh_free(struct ipoib_neigh *neigh)
{
	WRITE_ONCE(*to_ipoib_neigh(neigh->neighbour), NULL);
	kfree(neigh);
}

static void ipoib_send(struct ipoib_dev_priv *priv, struct ipoib_ah *ah,
		       u32 qpn)
{
	(void)ah;
	(void)qpn;
	spin_lock(&priv->lock);
	priv->tx_packets++;
	spin_unlock(&priv->lock);
}

/* Slow path: look the path up and create an ipoib_neigh (left out). */
static void ipoib_path_lookup(struct ipoib_dev_priv *priv, struct neighbour *n)
{
	(void)priv;
	(void)n;
}

static void ipoib_start_xmit(void *arg)
{
	struct neighbour *n = arg;
	struct ipoib_dev_priv *priv = &priv0;
	struct ipoib_neigh *neigh;
	unsigned long flags;

	neigh = READ_ONCE(*to_ipoib_neigh(n)); /* no lock, no RCU */
	if (neigh && neigh->ah) { /* n->foo == OOPS */
		ipoib_send(priv, neigh->ah, neigh->dqpn);
		return;
	}
	spin_lock_irqsave(&priv->lock, flags);
	ipoib_path_lookup(priv, n);
	spin_unlock_irqrestore(&priv->lock, flags);
}

/* ipoib_flush_paths(): every neighbour of the path goes. */
static void ipoib_flush_paths(struct ipoib_dev_priv *priv)
{
	struct ipoib_neigh *neigh, *tn;
	unsigned long flags;

	spin_lock_irqsave(&priv->lock, flags);
	list_for_each_entry_safe(neigh, tn, &priv->neigh_list, list) {
		/*
		 * It's safe to call ipoib_put_ah() inside priv->lock here,
		 * because we know that path->ah will always hold one more
		 * reference, so ipoib_put_ah() will never do more than
		 * decrement the ref count.
		 */
		if (neigh->ah)
			ipoib_put_ah(neigh->ah);
		list_del(&neigh->list);
		ipoib_neigh_free(neigh);
	}
	spin_unlock_irqrestore(&priv->lock, flags);
}

WEFT_TEST(xmit_vs_path_flush)
{
	struct ipoib_neigh *neigh;
	weft_thread_t xmit;

	spin_lock_init(&priv0.lock);
	INIT_LIST_HEAD(&priv0.neigh_list);
	kref_init(&ah0.ref); /* path->ah */
	kref_get(&ah0.ref);  /* neigh->ah */
	neigh = kzalloc(sizeof(*neigh), GFP_KERNEL);
	neigh->ah = &ah0;
	neigh->dqpn = 0x48;
	neigh->neighbour = &n0;
	list_add_tail(&neigh->list, &priv0.neigh_list);
	*to_ipoib_neigh(&n0) = neigh;

	xmit = weft_spawn(ipoib_start_xmit, &n0);
	ipoib_flush_paths(&priv0);
	weft_join(xmit);
	ipoib_put_ah(&ah0); /* the path goes too */
}
