// A device's reset work re-queues itself from its interrupt path.  At
// teardown the driver calls cancel_work_sync() and frees the device: a
// queueing that runs after the cancel puts the work back on the queue,
// and it runs on freed memory.  disable_work_ok.c calls
// disable_work_sync() instead (Linux 6.10), after which queueing fails
// until enable_work().  Before, disable_work did not compile.
//! expect(teardown): bug use-after-free
//! expect(enable_twice): bug misuse
//! expect(enable_and_queue): verified
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct dev {
	struct work_struct reset;
	int resets;
};

static void reset_fn(struct work_struct *w)
{
	struct dev *d = container_of(w, struct dev, reset);

	d->resets++;
}

static int irq_path(void *arg)
{
	struct dev *d = arg;

	queue_work(system_wq, &d->reset);
	return 0;
}

WEFT_TEST(teardown)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	struct task_struct *t;

	INIT_WORK(&d->reset, reset_fn);
	t = kthread_create(irq_path, d, "irq");
	get_task_struct(t);
	wake_up_process(t);
#ifdef DISABLE_WORK_OK
	disable_work_sync(&d->reset);
#else
	cancel_work_sync(&d->reset);
#endif
	kthread_stop(t);
	put_task_struct(t);
	kfree(d);
}

/* enable_work without a disable_work: the kernel warns. */
WEFT_TEST(enable_twice)
{
	static struct dev d;

	INIT_WORK(&d.reset, reset_fn);
	disable_work(&d.reset);
	weft_assert(enable_work(&d.reset));
#ifndef DISABLE_WORK_OK
	enable_work(&d.reset);
#endif
}

/* Disabled twice, the work queues again only at the second enable. */
WEFT_TEST(enable_and_queue)
{
	static struct dev d;

	INIT_WORK(&d.reset, reset_fn);
	disable_work(&d.reset);
	disable_work(&d.reset);
	weft_assert(!queue_work(system_wq, &d.reset));
	weft_assert(!enable_and_queue_work(system_wq, &d.reset));
	weft_assert(enable_and_queue_work(system_wq, &d.reset));
	flush_work(&d.reset);
	weft_assert(d.resets == 1);
}
