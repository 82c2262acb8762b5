//! expect: verified
//! args: --strategy=dfs
/*
 * Seed 002 - "mlx4: Move the bond work to the core driver" (Petr Pavlu,
 * 2023), AFTER the patch: the bond reconfiguration operates only on a
 * mlx4_dev, so mlx4_en asks the core (mlx4_queue_bond_work) to queue it;
 * the core's work holds a reference on the mlx4_dev, not on the netdev, and
 * runs on the core's workqueue.  Removing the netdev no longer waits for
 * the work, so holding intf_mutex across mlx4_unregister_device() is safe
 * even though mlx4_do_bond() takes intf_mutex.
 *
 * Same two scenarios as before.c; both must be clean in every explored
 * interleaving: no deadlock, no lock-order cycle, and the mlx4_dev
 * reference the work took is dropped (no leak at the end).
 */
#include <weft/linux.h>

struct mlx4_dev {
	struct kref ref; /* the core's reference count on the device */
	int bonded;
	struct workqueue_struct *workqueue; /* mlx4_core's priv->bond_wq */
};

struct net_device {
	atomic_t refcnt;                 /* dev_hold/dev_put */
	struct completion refs_dropped;  /* netdev_wait_allrefs */
};

struct mlx4_en_priv {
	struct mlx4_dev *mdev;
	struct net_device *dev;
};

struct mlx4_bond_work {
	struct work_struct work;
	struct mlx4_dev *dev;
	int is_bonded;
};

static DEFINE_MUTEX(intf_mutex);
static struct net_device netdev0;
static struct mlx4_en_priv en_priv0;
static struct mlx4_bond_work bond_work0;

static void mlx4_dev_release(struct kref *ref)
{
	struct mlx4_dev *dev = container_of(ref, struct mlx4_dev, ref);

	kfree(dev);
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

/* mlx4_core: the bond work, holding only a reference on the mlx4_dev. */
static void mlx4_bond_work(struct work_struct *work)
{
	struct mlx4_bond_work *bond =
		container_of(work, struct mlx4_bond_work, work);

	if (!bond->is_bonded)
		mlx4_unbond(bond->dev);
	kref_put(&bond->dev->ref, mlx4_dev_release);
}

/* mlx4_core, called by mlx4_en. */
static int mlx4_queue_bond_work(struct mlx4_dev *dev, int is_bonded)
{
	struct mlx4_bond_work *bond = &bond_work0;

	INIT_WORK(&bond->work, mlx4_bond_work);
	bond->dev = dev;
	bond->is_bonded = is_bonded;
	kref_get(&dev->ref);
	queue_work(dev->workqueue, &bond->work);
	return 0;
}

/* The netdev notifier: the bond is broken when a port goes away. */
static void mlx4_en_netdev_event(struct mlx4_en_priv *priv)
{
	mlx4_queue_bond_work(priv->mdev, 0);
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

static struct mlx4_dev *mlx4_setup(void)
{
	struct mlx4_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	kref_init(&dev->ref);
	dev->bonded = 1;
	dev->workqueue = create_singlethread_workqueue("mlx4_bond");
	en_priv0.mdev = dev;
	en_priv0.dev = &netdev0;
	atomic_set(&netdev0.refcnt, 1);
	init_completion(&netdev0.refs_dropped);
	return dev;
}

/* mlx4_remove_one: stop the bond work, drop the core's reference. */
static void mlx4_teardown(struct mlx4_dev *dev)
{
	destroy_workqueue(dev->workqueue);
	kref_put(&dev->ref, mlx4_dev_release);
}

WEFT_TEST(change_port_types_vs_bond_work)
{
	struct mlx4_dev *dev = mlx4_setup();

	mlx4_change_port_types(dev, 1);
	mlx4_teardown(dev);
}

WEFT_TEST(bond_work_lock_order)
{
	struct mlx4_dev *dev = mlx4_setup();

	mlx4_en_netdev_event(&en_priv0); /* NETDEV_CHANGEUPPER */
	/* The bond work has unbonded the ports before the port change. */
	while (READ_ONCE(dev->bonded))
		cpu_relax();
	mlx4_change_port_types(dev, 0);
	mlx4_teardown(dev);
}
