//! expect(change_port_types_vs_bond_work): bug deadlock
//! expect(bond_work_lock_order): bug lock-order
/*
 * Seed 002 - "mlx4: Move the bond work to the core driver" (Petr Pavlu,
 * 2023), BEFORE the patch: mlx4_en queues the bond work itself, holding a
 * reference on the netdev, and the work's mlx4_do_bond() takes intf_mutex.
 *
 *   mlx4_change_port_types()                 mlx4_en_bond_work() (kworker)
 *     mlx4_unregister_device()
 *       mutex_lock(&intf_mutex)
 *       mlx4_en_remove()
 *         unregister_netdev(): waits for      mlx4_unbond()
 *         the netdev reference the work         mlx4_do_bond()
 *         holds                                   mutex_lock(&intf_mutex)
 *
 * change_port_types_vs_bond_work: the bond work is queued by the netdev
 * event raised while the netdev is being removed (as in the report), so
 * the hang is certain once the work runs: deadlock.
 * bond_work_lock_order: the bond work is queued by an earlier netdev event
 * and has left intf_mutex before the port change starts, so no execution
 * hangs; weft still reports the
 * intf_mutex -> bond work -> intf_mutex cycle from executions that do not
 * hang (lock-order).
 *
 * The netdev reference is modelled as a completion the work signals when
 * it drops its reference (dev_put), which unregister_netdev() waits for
 * (netdev_wait_allrefs).
 */
#include <weft/linux.h>

struct mlx4_dev {
	int bonded;
};

struct net_device {
	atomic_t refcnt;                 /* dev_hold/dev_put */
	struct completion refs_dropped;  /* netdev_wait_allrefs */
};

struct mlx4_en_priv {
	struct mlx4_dev *mdev;
	struct net_device *dev;
	struct workqueue_struct *workqueue; /* mdev->workqueue */
};

struct mlx4_bond_work {
	struct work_struct work;
	struct mlx4_en_priv *priv;
	int is_bonded;
};

static DEFINE_MUTEX(intf_mutex);
static struct mlx4_dev mlx4_dev0;
static struct net_device netdev0;
static struct mlx4_en_priv en_priv0;
static struct mlx4_bond_work bond_work0;

static void dev_hold(struct net_device *dev)
{
	atomic_inc(&dev->refcnt);
}

static void dev_put(struct net_device *dev)
{
	if (atomic_dec_and_test(&dev->refcnt))
		complete(&dev->refs_dropped);
}

/* mlx4_core: reconfigure the port map; the interface list is intf_mutex's. */
static int mlx4_do_bond(struct mlx4_dev *dev, int enable)
{
	mutex_lock(&intf_mutex);
	WRITE_ONCE(dev->bonded, enable);
	mutex_unlock(&intf_mutex);
	return 0;
}

static int mlx4_unbond(struct mlx4_dev *dev)
{
	return mlx4_do_bond(dev, 0);
}

/* mlx4_en: the work queued by mlx4_en_queue_bond_work(). */
static void mlx4_en_bond_work(struct work_struct *work)
{
	struct mlx4_bond_work *bond =
		container_of(work, struct mlx4_bond_work, work);

	if (!bond->is_bonded)
		mlx4_unbond(bond->priv->mdev);
	dev_put(bond->priv->dev);
}

static void mlx4_en_queue_bond_work(struct mlx4_en_priv *priv, int is_bonded)
{
	struct mlx4_bond_work *bond = &bond_work0;

	INIT_WORK(&bond->work, mlx4_en_bond_work);
	bond->priv = priv;
	bond->is_bonded = is_bonded;
	dev_hold(priv->dev); /* the work holds the netdev */
	queue_work(priv->workqueue, &bond->work);
}

/* The netdev notifier: the bond is broken when a port goes away. */
static void mlx4_en_netdev_event(struct mlx4_en_priv *priv)
{
	mlx4_en_queue_bond_work(priv, 0);
}

/* unregister_netdev -> netdev_run_todo -> netdev_wait_allrefs: drop the
 * registration's own reference, then wait for everybody else's. */
static void unregister_netdev(struct net_device *dev)
{
	if (atomic_dec_return(&dev->refcnt) > 0)
		wait_for_completion(&dev->refs_dropped);
}

static void mlx4_en_remove(struct mlx4_en_priv *priv, int raise_event)
{
	if (raise_event)
		mlx4_en_netdev_event(priv); /* NETDEV_UNREGISTER */
	unregister_netdev(priv->dev);
}

static void mlx4_unregister_device(struct mlx4_dev *dev, int raise_event)
{
	(void)dev;
	mutex_lock(&intf_mutex);
	mlx4_en_remove(&en_priv0, raise_event);
	mutex_unlock(&intf_mutex);
}

static void mlx4_register_device(struct mlx4_dev *dev)
{
	(void)dev;
	mutex_lock(&intf_mutex);
	mutex_unlock(&intf_mutex);
}

/* sysfs mlx4_port<x>: eth -> ib */
static void mlx4_change_port_types(struct mlx4_dev *dev, int raise_event)
{
	mlx4_unregister_device(dev, raise_event);
	mlx4_register_device(dev);
}

static void mlx4_setup(void)
{
	en_priv0.mdev = &mlx4_dev0;
	en_priv0.dev = &netdev0;
	en_priv0.workqueue = create_singlethread_workqueue("mlx4_en");
	atomic_set(&netdev0.refcnt, 1);
	init_completion(&netdev0.refs_dropped);
	mlx4_dev0.bonded = 1;
}

WEFT_TEST(change_port_types_vs_bond_work)
{
	mlx4_setup();
	mlx4_change_port_types(&mlx4_dev0, 1);
	destroy_workqueue(en_priv0.workqueue);
}

WEFT_TEST(bond_work_lock_order)
{
	mlx4_setup();
	mlx4_en_netdev_event(&en_priv0); /* NETDEV_CHANGEUPPER */
	/* The bond work has unbonded the ports (its intf_mutex section is
	 * over) before the port change starts: no execution can hang. */
	while (READ_ONCE(mlx4_dev0.bonded))
		cpu_relax();
	mlx4_change_port_types(&mlx4_dev0, 0);
	destroy_workqueue(en_priv0.workqueue);
}
