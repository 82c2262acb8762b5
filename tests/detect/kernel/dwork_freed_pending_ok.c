// dwork_freed_pending_bug.c with the delayed work cancelled, waiting
// for it, before the object is freed.
//! expect(cancel_then_free): verified
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct obj {
	struct delayed_work dw;
	int x;
};

static void fn(struct work_struct *w)
{
	container_of(to_delayed_work(w), struct obj, dw)->x = 1;
}

WEFT_TEST(cancel_then_free)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	INIT_DELAYED_WORK(&o->dw, fn);
	schedule_delayed_work(&o->dw, msecs_to_jiffies(20));
	cancel_delayed_work_sync(&o->dw);
	kfree(o);
}
