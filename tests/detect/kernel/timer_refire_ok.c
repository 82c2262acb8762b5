// timer_refire_bug's timer and delayed work failing only on a run that
// a ten-jiffy sleep leaves no time for (each run re-arms for the next
// jiffy): every execution ends with the fortieth run not reached.
//! expect(timer_fourth_run): verified
//! expect(dwork_fourth_run): verified
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#define BAD_RUN 40

struct poller {
	int ticks;
	struct timer_list t;
	struct delayed_work dw;
};

static void poll_timer(struct timer_list *t)
{
	struct poller *p = from_timer(p, t, t);

	BUG_ON(++p->ticks == BAD_RUN);
	mod_timer(&p->t, jiffies + 1);
}

WEFT_TEST(timer_fourth_run)
{
	struct poller *p = kzalloc(sizeof(*p), GFP_KERNEL);

	timer_setup(&p->t, poll_timer, 0);
	mod_timer(&p->t, jiffies + 1);
	msleep(10);
	timer_delete_sync(&p->t);
	kfree(p);
}

static void poll_work(struct work_struct *w)
{
	struct poller *p = container_of(to_delayed_work(w), struct poller, dw);

	BUG_ON(++p->ticks == BAD_RUN);
	schedule_delayed_work(&p->dw, 1);
}

WEFT_TEST(dwork_fourth_run)
{
	struct poller *p = kzalloc(sizeof(*p), GFP_KERNEL);

	INIT_DELAYED_WORK(&p->dw, poll_work);
	schedule_delayed_work(&p->dw, 1);
	msleep(10);
	cancel_delayed_work_sync(&p->dw);
	kfree(p);
}
