// The example driver of examples/kernel_driver/README.md, written only
// against the kernel's header names: a device list looked up under RCU, a
// watchdog timer that queues a reset work on the driver's workqueue, and a
// teardown path.  Only the test at the end (WEFT_TEST, weft_module_init)
// uses weft's names; it plays a user that looks the device up while the
// device is removed.
//
// The bug: mydev_remove() stops the watchdog with del_timer(), which does
// not wait for a handler that is already running on another CPU.  That
// handler can queue reset_work after cancel_work_sync() returned, and the
// work then runs on a device that has been freed.  (driver_fixed.c is the
// fix: timer_shutdown_sync() before cancel_work_sync().)  weft reports
// the work's read of the device after the free, a use-after-free (the
// work's write and the free unordered, a data race, came first until the
// fiftieth session's change of the order the search tries first).
//! expect: bug use-after-free
#include <linux/module.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/mutex.h>
#include <linux/kref.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/kthread.h>

struct mydev {
	int id;
	int resets;
	struct list_head node;
	struct kref ref;
	struct timer_list watchdog;
	struct work_struct reset_work;
	struct rcu_head rcu;
};

static LIST_HEAD(mydev_list);
static DEFINE_MUTEX(mydev_list_lock);
static struct workqueue_struct *mydev_wq;

static void mydev_reset(struct work_struct *work)
{
	struct mydev *dev = container_of(work, struct mydev, reset_work);

	dev->resets++;
}

static void mydev_watchdog(struct timer_list *t)
{
	struct mydev *dev = from_timer(dev, t, watchdog);

	queue_work(mydev_wq, &dev->reset_work);
}

static void mydev_release(struct kref *ref)
{
	struct mydev *dev = container_of(ref, struct mydev, ref);

	kfree_rcu(dev, rcu);
}

static struct mydev *mydev_get(int id)
{
	struct mydev *dev, *found = NULL;

	rcu_read_lock();
	list_for_each_entry_rcu(dev, &mydev_list, node) {
		if (dev->id == id && kref_get_unless_zero(&dev->ref)) {
			found = dev;
			break;
		}
	}
	rcu_read_unlock();
	return found;
}

static void mydev_put(struct mydev *dev)
{
	kref_put(&dev->ref, mydev_release);
}

static struct mydev *mydev_add(int id)
{
	struct mydev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return ERR_PTR(-ENOMEM);
	dev->id = id;
	kref_init(&dev->ref);
	timer_setup(&dev->watchdog, mydev_watchdog, 0);
	INIT_WORK(&dev->reset_work, mydev_reset);
	mutex_lock(&mydev_list_lock);
	list_add_tail_rcu(&dev->node, &mydev_list);
	mutex_unlock(&mydev_list_lock);
	mod_timer(&dev->watchdog, jiffies + msecs_to_jiffies(1));
	return dev;
}

static void mydev_remove(struct mydev *dev)
{
	mutex_lock(&mydev_list_lock);
	list_del_rcu(&dev->node);
	mutex_unlock(&mydev_list_lock);
	del_timer(&dev->watchdog);
	cancel_work_sync(&dev->reset_work);
	mydev_put(dev);
}

static int __init mydev_init(void)
{
	mydev_wq = alloc_workqueue("mydev", WQ_UNBOUND, 0);
	return mydev_wq ? 0 : -ENOMEM;
}

static void __exit mydev_exit(void)
{
	rcu_barrier();
	destroy_workqueue(mydev_wq);
}

module_init(mydev_init);
module_exit(mydev_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("weft example driver");

// The test: the only code that uses weft's names.  A user looks device 1
// up while the device is removed.
static int mydev_user(void *arg)
{
	struct mydev *dev = mydev_get(1);

	(void)arg;
	if (dev) {
		WARN_ON(dev->id != 1);
		mydev_put(dev);
	}
	return 0;
}

WEFT_TEST(mydev_lifetime)
{
	struct task_struct *user;
	struct mydev *dev;

	WARN_ON(weft_module_init());
	dev = mydev_add(1);
	user = kthread_create(mydev_user, NULL, "mydev_user");
	get_task_struct(user);
	wake_up_process(user);
	msleep(1);
	mydev_remove(dev);
	kthread_stop(user);
	put_task_struct(user);
	weft_module_exit();
}
