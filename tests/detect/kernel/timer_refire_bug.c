// A timer and a delayed work that re-arm themselves every jiffy while
// the test sleeps ten jiffies, and fail on their fourth run: in the
// kernel the fourth run always comes.  weft fired a timer that re-armed
// itself at most three times in an execution (its bound against timers
// that re-arm for ever) and verified both; now a timer past the bound
// still fires while another deadline (the sleep's) needs time to pass.
// timer_refire_ok fails only on a run the sleep leaves no time for.
//! expect(timer_fourth_run): bug crash
//! expect(dwork_fourth_run): bug crash
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#ifndef BAD_RUN
#define BAD_RUN 4
#endif

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
