// A timer's handler holds the last reference to its object and drops
// it; the test body returns as soon as the handler has started.  In the
// kernel the handler runs to its end (call_timer_fn), so the object is
// freed.  weft ended the test when the body returned, the handler cut
// off half-way, and reported the object as leaked (a helper's probe);
// a handler that has begun now runs to its end, as a work does.
// timer_tail_bug's handler forgets the kref_put: a real leak.
//! expect: verified
#include <linux/delay.h>
#include <linux/kref.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct obj {
	struct kref ref;
	struct timer_list t;
	int x;
};

static int started;

static void release(struct kref *k)
{
	kfree(container_of(k, struct obj, ref));
}

static void handler(struct timer_list *t)
{
	struct obj *o = from_timer(o, t, t);

	WRITE_ONCE(started, 1);
	o->x++;
#ifdef FORGET_PUT
	(void)release;
#else
	kref_put(&o->ref, release);
#endif
}

WEFT_TEST(handler_drops_last_ref)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	kref_init(&o->ref);
	timer_setup(&o->t, handler, 0);
	mod_timer(&o->t, jiffies + 1);
	while (!READ_ONCE(started))
		msleep(1);
}
