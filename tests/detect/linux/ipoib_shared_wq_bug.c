//! expect: bug deadlock
//! args: --strategy=dfs
/* Seed 004 (IPoIB: use dedicated workqueues per interface): every device
 * shares one workqueue.  Device 0 goes down holding the rtnl lock and
 * flushes the queue; device 1's mcast_restart_task, queued on the same
 * queue, needs the rtnl lock, so the flush never ends. */
#include <weft/linux.h>

struct ipoib_dev {
	int id;
	unsigned long flags;
	struct work_struct restart_task;
};

#define IPOIB_FLAG_ADMIN_UP 0

static struct workqueue_struct *ipoib_wq;
static struct ipoib_dev devs[2];

static void mcast_restart_task(struct work_struct *w)
{
	struct ipoib_dev *d = container_of(w, struct ipoib_dev, restart_task);

	rtnl_lock();
	if (test_bit(IPOIB_FLAG_ADMIN_UP, &d->flags))
		d->id += 0; /* rejoin multicast groups */
	rtnl_unlock();
}

static void ipoib_ib_dev_down(void *arg)
{
	struct ipoib_dev *d = arg;

	rtnl_lock();
	clear_bit(IPOIB_FLAG_ADMIN_UP, &d->flags);
	flush_workqueue(ipoib_wq);
	rtnl_unlock();
}

WEFT_TEST(shared_workqueue)
{
	weft_thread_t down;

	ipoib_wq = alloc_workqueue("ipoib_wq", 0, 1);
	for (int i = 0; i < 2; i++) {
		devs[i].id = i;
		set_bit(IPOIB_FLAG_ADMIN_UP, &devs[i].flags);
		INIT_WORK(&devs[i].restart_task, mcast_restart_task);
	}
	down = weft_spawn(ipoib_ib_dev_down, &devs[0]);
	queue_work(ipoib_wq, &devs[1].restart_task);
	weft_join(down);
	flush_workqueue(ipoib_wq);
	destroy_workqueue(ipoib_wq);
}
