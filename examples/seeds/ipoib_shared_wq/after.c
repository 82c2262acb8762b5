//! expect: verified
//! args: --strategy=dfs
/*
 * Seed 004 - "IPoIB: Use dedicated workqueues per interface" (Doug Ledford),
 * AFTER the patch: ipoib_open() creates a workqueue for the interface, and
 * ipoib_stop() flushes only that one, so ib0 going down under rtnl no
 * longer waits for ib0.8001's mcast_restart_task, which takes rtnl once
 * ib0's down is over.  The driver-wide ipoib_workqueue remains, for flush
 * tasks only.  Same scenario as before.c; verified.
 */
#include <weft/linux.h>

enum { IPOIB_FLAG_ADMIN_UP = 0 };

struct ipoib_dev_priv {
	const char *name;
	unsigned long flags;
	struct work_struct restart_task;
	struct workqueue_struct *wq;
};

static struct workqueue_struct *ipoib_workqueue; /* flush tasks only */
static struct ipoib_dev_priv parent, child;

static void ipoib_mcast_restart_task(struct work_struct *work)
{
	struct ipoib_dev_priv *priv =
		container_of(work, struct ipoib_dev_priv, restart_task);

	while (!rtnl_trylock()) {
		if (!test_bit(IPOIB_FLAG_ADMIN_UP, &priv->flags))
			return; /* our interface is going down: give up */
		msleep(20);
	}
	/* ... rebuild the multicast list under rtnl ... */
	rtnl_unlock();
}

static void ipoib_open(struct ipoib_dev_priv *priv, const char *name)
{
	priv->name = name;
	priv->wq = create_singlethread_workqueue(name); /* per interface */
	INIT_WORK(&priv->restart_task, ipoib_mcast_restart_task);
	set_bit(IPOIB_FLAG_ADMIN_UP, &priv->flags);
}

/* ipoib_stop -> ipoib_ib_dev_down, called by dev_close under rtnl. */
static void ipoib_stop(struct ipoib_dev_priv *priv)
{
	ASSERT_RTNL();
	clear_bit(IPOIB_FLAG_ADMIN_UP, &priv->flags);
	flush_workqueue(priv->wq); /* only this interface's tasks */
}

static void ipoib_set_mcast_list(void *arg)
{
	struct ipoib_dev_priv *priv = arg;

	queue_work(priv->wq, &priv->restart_task);
}

WEFT_TEST(ifconfig_ib0_down)
{
	weft_thread_t t;

	ipoib_workqueue = create_singlethread_workqueue("ipoib");
	ipoib_open(&parent, "ib0");
	ipoib_open(&child, "ib0.8001");
	t = weft_spawn(ipoib_set_mcast_list, &child); /* ib0.8001 joins a group */

	rtnl_lock(); /* ifconfig ib0 down */
	ipoib_stop(&parent);
	rtnl_unlock();

	weft_join(t);
	clear_bit(IPOIB_FLAG_ADMIN_UP, &child.flags); /* later: ib0.8001 down */
	destroy_workqueue(child.wq);
	destroy_workqueue(parent.wq);
	destroy_workqueue(ipoib_workqueue);
}
