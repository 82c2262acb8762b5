//! expect(mutex_then_spinlock): verified
//! expect(gfp_atomic_under_spinlock): verified
//! expect(atomic_timer_callback): verified
//! expect(flush_initialised_work): verified
//! expect(destroy_after_cancel): verified
//! args: --strategy=dfs
/* The twins of misuse_bug. */
#include <weft/linux.h>

static DEFINE_SPINLOCK(sl);
static DEFINE_MUTEX(m);

WEFT_TEST(mutex_then_spinlock)
{
	mutex_lock(&m);
	spin_lock(&sl);
	weft_assert(in_atomic());
	spin_unlock(&sl);
	mutex_unlock(&m);
	might_sleep();
}

WEFT_TEST(gfp_atomic_under_spinlock)
{
	void *p;

	spin_lock(&sl);
	p = kmalloc(64, GFP_ATOMIC);
	spin_unlock(&sl);
	kfree(p);
}

static struct timer_list t;
static atomic_t fired;

static void quick(struct timer_list *tl)
{
	(void)tl;
	spin_lock(&sl); /* spinlocks are fine in a callback */
	atomic_inc(&fired);
	spin_unlock(&sl);
}

WEFT_TEST(atomic_timer_callback)
{
	timer_setup(&t, quick, 0);
	mod_timer(&t, jiffies + 1);
	msleep(10);
	del_timer_sync(&t);
	weft_assert(atomic_read(&fired) == 1);
}

struct dev {
	struct work_struct work;
};

static void nop(struct work_struct *w)
{
	(void)w;
}

WEFT_TEST(flush_initialised_work)
{
	struct dev *d = kzalloc(sizeof *d, GFP_KERNEL);

	INIT_WORK(&d->work, nop);
	weft_assert(!flush_work(&d->work));
	kfree(d);
}

static struct delayed_work dw;

WEFT_TEST(destroy_after_cancel)
{
	struct workqueue_struct *wq = alloc_workqueue("wq", 0, 0);

	INIT_DELAYED_WORK(&dw, nop);
	queue_delayed_work(wq, &dw, HZ);
	cancel_delayed_work_sync(&dw);
	destroy_workqueue(wq);
}
