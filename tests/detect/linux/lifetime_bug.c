//! expect(free_with_work_pending): bug use-after-free
//! expect(free_with_timer_armed): bug use-after-free
//! args: --strategy=dfs
/* Freeing an object whose work or timer may still run. */
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

WEFT_TEST(free_with_work_pending)
{
	struct dev *d = kzalloc(sizeof *d, GFP_KERNEL);

	INIT_WORK(&d->work, dev_work);
	schedule_work(&d->work);
	kfree(d); /* BUG: the work may not have run yet */
	flush_scheduled_work();
}

static void dev_timer(struct timer_list *t)
{
	struct dev *d = from_timer(d, t, timer);

	WRITE_ONCE(d->state, 2);
}

WEFT_TEST(free_with_timer_armed)
{
	struct dev *d = kzalloc(sizeof *d, GFP_KERNEL);

	timer_setup(&d->timer, dev_timer, 0);
	mod_timer(&d->timer, jiffies + 10);
	del_timer(&d->timer); /* BUG: does not wait for a running callback */
	kfree(d);
	msleep(20);
}
