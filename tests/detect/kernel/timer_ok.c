// The fix of timer_bug.c: del_timer_sync() waits for a running handler.
// Also: timer_pending, mod_timer re-arming, timer_shutdown_sync, a timer
// that re-arms itself, and add_timer.
//! expect: verified
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/delay.h>

struct obj {
	struct timer_list t;
	int x;
	int fired;
};

static void obj_timeout(struct timer_list *t)
{
	struct obj *o = from_timer(o, t, t);

	o->x = 1;
	if (++o->fired < 5)
		mod_timer(&o->t, jiffies + 1);
}

WEFT_TEST(del_timer_sync_then_kfree)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	timer_setup(&o->t, obj_timeout, 0);
	o->t.expires = jiffies + 2;
	add_timer(&o->t);
	mod_timer(&o->t, jiffies + 1);
	msleep(1);
	del_timer_sync(&o->t);
	WARN_ON(timer_pending(&o->t));
	timer_shutdown_sync(&o->t);
	mod_timer(&o->t, jiffies + 1); /* ignored after shutdown */
	WARN_ON(timer_pending(&o->t));
	kfree(o);
}
