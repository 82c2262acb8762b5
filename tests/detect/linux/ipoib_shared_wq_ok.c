//! expect: verified
//! args: --strategy=dfs
/* The fix of seed 004: each device has its own workqueue, so going down
 * flushes only the device's own tasks, and device 0's flush no longer
 * waits for device 1's restart task. */
#include <weft/linux.h>

struct ipoib_dev {
	int id;
	unsigned long flags;
	struct workqueue_struct *wq;
	struct work_struct restart_task;
};

#define IPOIB_FLAG_ADMIN_UP 0

static struct ipoib_dev devs[2];

static void mcast_restart_task(struct work_struct *w)
{
	struct ipoib_dev *d = container_of(w, struct ipoib_dev, restart_task);

	rtnl_lock();
	if (test_bit(IPOIB_FLAG_ADMIN_UP, &d->flags))
		d->id += 0;
	rtnl_unlock();
}

static void ipoib_ib_dev_down(void *arg)
{
	struct ipoib_dev *d = arg;

	clear_bit(IPOIB_FLAG_ADMIN_UP, &d->flags);
	flush_workqueue(d->wq); /* outside the rtnl lock, own queue only */
	rtnl_lock();
	rtnl_unlock();
}

WEFT_TEST(per_device_workqueue)
{
	weft_thread_t down;

	for (int i = 0; i < 2; i++) {
		devs[i].id = i;
		set_bit(IPOIB_FLAG_ADMIN_UP, &devs[i].flags);
		devs[i].wq = alloc_ordered_workqueue("ipoib_wq", 0);
		INIT_WORK(&devs[i].restart_task, mcast_restart_task);
	}
	down = weft_spawn(ipoib_ib_dev_down, &devs[0]);
	queue_work(devs[1].wq, &devs[1].restart_task);
	weft_join(down);
	for (int i = 0; i < 2; i++)
		destroy_workqueue(devs[i].wq);
}
