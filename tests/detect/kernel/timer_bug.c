// Kernel source against weft's kernel header tree: del_timer() does not
// wait for a handler that is already running (late, on another CPU), so
// freeing the object after it is a use-after-free.
//! expect: bug use-after-free
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/delay.h>

struct obj {
	struct timer_list t;
	int x;
};

static void obj_timeout(struct timer_list *t)
{
	struct obj *o = from_timer(o, t, t);

	o->x = 1;
}

WEFT_TEST(del_timer_then_kfree)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	timer_setup(&o->t, obj_timeout, 0);
	mod_timer(&o->t, jiffies + 1);
	msleep(1);
	del_timer(&o->t);
	kfree(o);
}
