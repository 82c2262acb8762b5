//! expect(cancel_work_sync_before_free): verified
//! expect(del_timer_sync_before_free): verified
//! expect(work_frees_itself): verified
//! args: --strategy=dfs
/* The twins of lifetime_bug: cancel_work_sync and del_timer_sync before
 * kfree; and a work that frees its own object (legal: the workqueue does
 * not touch the work after the function returns). */
#include <weft/linux.h>

struct dev {
	int state;
	struct work_struct work;
	struct timer_list timer;
};

static void dev_work(struct work_struct *w)
{
	struct dev *d = container_of(w, struct dev, work);

	WRITE_ONCE(d->state, 1);
}

WEFT_TEST(cancel_work_sync_before_free)
{
	struct dev *d = kzalloc(sizeof *d, GFP_KERNEL);

	INIT_WORK(&d->work, dev_work);
	schedule_work(&d->work);
	cancel_work_sync(&d->work);
	kfree(d);
}

static void dev_timer(struct timer_list *t)
{
	struct dev *d = from_timer(d, t, timer);

	WRITE_ONCE(d->state, 2);
}

WEFT_TEST(del_timer_sync_before_free)
{
	struct dev *d = kzalloc(sizeof *d, GFP_KERNEL);

	timer_setup(&d->timer, dev_timer, 0);
	mod_timer(&d->timer, jiffies + 10);
	msleep(5);
	del_timer_sync(&d->timer);
	kfree(d);
	msleep(20);
}

static void self_free(struct work_struct *w)
{
	struct dev *d = container_of(w, struct dev, work);

	WRITE_ONCE(d->state, 3);
	kfree(d);
}

WEFT_TEST(work_frees_itself)
{
	struct dev *d = kzalloc(sizeof *d, GFP_KERNEL);

	INIT_WORK(&d->work, self_free);
	schedule_work(&d->work);
	flush_scheduled_work();
}
