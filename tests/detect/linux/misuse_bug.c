//! expect(mutex_under_spinlock): bug misuse
//! expect(gfp_kernel_under_spinlock): bug misuse
//! expect(sleep_in_timer_callback): bug misuse
//! expect(flush_uninitialised_work): bug misuse
//! expect(destroy_with_armed_dwork): bug misuse
//! expect(unlock_not_held): bug misuse
//! expect(warn_on): bug assertion
//! args: --strategy=dfs
/* Kernel API misuse the Linux models report with its call site. */
#include <weft/linux.h>

static DEFINE_SPINLOCK(sl);
static DEFINE_MUTEX(m);

WEFT_TEST(mutex_under_spinlock)
{
	spin_lock(&sl);
	mutex_lock(&m);
	mutex_unlock(&m);
	spin_unlock(&sl);
}

WEFT_TEST(gfp_kernel_under_spinlock)
{
	void *p;

	spin_lock(&sl);
	p = kmalloc(64, GFP_KERNEL);
	spin_unlock(&sl);
	kfree(p);
}

static struct timer_list t;

static void sleepy(struct timer_list *tl)
{
	(void)tl;
	msleep(1);
}

WEFT_TEST(sleep_in_timer_callback)
{
	timer_setup(&t, sleepy, 0);
	mod_timer(&t, jiffies + 1);
	msleep(10);
	del_timer_sync(&t);
}

struct dev {
	struct work_struct work;
};

WEFT_TEST(flush_uninitialised_work)
{
	struct dev *d = kzalloc(sizeof *d, GFP_KERNEL);

	flush_work(&d->work); /* never INIT_WORKed */
	kfree(d);
}

static void nop(struct work_struct *w)
{
	(void)w;
}

static struct delayed_work dw;

WEFT_TEST(destroy_with_armed_dwork)
{
	struct workqueue_struct *wq = alloc_workqueue("wq", 0, 0);

	INIT_DELAYED_WORK(&dw, nop);
	queue_delayed_work(wq, &dw, HZ);
	destroy_workqueue(wq); /* the delay timer would queue onto freed wq */
}

static void other(void *arg)
{
	(void)arg;
	mutex_unlock(&m); /* not the owner */
}

WEFT_TEST(unlock_not_held)
{
	weft_thread_t th;

	mutex_lock(&m);
	th = weft_spawn(other, NULL);
	weft_join(th);
	mutex_unlock(&m);
}

WEFT_TEST(warn_on)
{
	int busy = 1;

	WARN_ON(busy != 0);
}
