// A delayed work inside an object is still pending when the object is
// freed: in the kernel its timer or its worker then runs on freed memory
// (debugobjects: "free active object").  Once its timer had fired, the
// work waited on the queue and the end of the test reported only a leak
// ("still pending"); a pending work in freed memory is now the
// use-after-free it is, whether its timer fired or not (found by a probe
// of kernel patterns).  dwork_freed_pending_ok.c cancels it first.
//! expect(free_while_pending): bug use-after-free
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

WEFT_TEST(free_while_pending)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	INIT_DELAYED_WORK(&o->dw, fn);
	schedule_delayed_work(&o->dw, msecs_to_jiffies(20));
	kfree(o);
}
