// timer_disarm_bug with del_timer_sync(): it waits for a handler that
// already started, so the object is freed only after it.
//! expect: verified
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
	del_timer_sync(&o->t);
	kfree(o);
	del_timer(&idle);
}
