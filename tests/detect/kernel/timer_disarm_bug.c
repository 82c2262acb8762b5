// A timer handler made runnable by mod_timer() and disarmed again by
// del_timer() (not _sync) before it ran, then kfree() and one more timer
// call.  The order in which the handler starts before del_timer() and
// writes the object after kfree() is a use-after-free.  The exhaustive
// search verified this in 2 schedules: the handler's thread, blocked at
// the end, was paired only with the last step on the timer object (the
// second del_timer, which found it blocked already), a race that cannot be
// reversed; the step that disabled it was never reversed.  Without the
// last call the bug was found.  timer_disarm_ok uses del_timer_sync().
//! expect: bug use-after-free
//! args: --strategy=dfs
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

struct obj {
	struct timer_list t;
	int x;
};

static struct timer_list idle;

static void obj_fn(struct timer_list *t)
{
	struct obj *o = from_timer(o, t, t);

	o->x = 1;
}

static void idle_fn(struct timer_list *t)
{
	(void)t;
}

WEFT_TEST(disarm_then_free)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	timer_setup(&idle, idle_fn, 0);
	timer_setup(&o->t, obj_fn, 0);
	mod_timer(&o->t, jiffies + 1);
	del_timer(&o->t);
	kfree(o);
	del_timer(&idle);
}
