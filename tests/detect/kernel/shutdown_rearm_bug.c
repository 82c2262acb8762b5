// A pending timer holds a reference to its object; the callback keeps it
// when it re-arms itself (mod_timer returned 0: this call armed it) and
// drops it otherwise.  Teardown drops the timer's reference when
// timer_shutdown_sync() deactivated a pending timer.  In the kernel the
// shutdown's first try, while the callback runs, clears the function:
// the callback's mod_timer() is ignored (returns 0, arms nothing), the
// retry finds nothing pending and returns 0, and nobody drops the
// timer's reference: the object leaks.  weft set the shutdown only after
// the wait, so the re-arm took effect, the shutdown returned 1, and this
// was verified (a review's probe).  shutdown_rearm_ok.c uses
// del_timer_sync, whose retry deactivates the re-armed timer and
// returns 1.
//! expect: bug leak
#include <linux/completion.h>
#include <linux/kref.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct obj {
	struct kref ref;
	struct timer_list t;
	struct completion begun;
};

static void release(struct kref *k)
{
	kfree(container_of(k, struct obj, ref));
}

static void fn(struct timer_list *t)
{
	struct obj *o = from_timer(o, t, t);

	complete(&o->begun);
	if (!mod_timer(t, jiffies + 10))
		return;               /* the re-armed timer keeps our ref */
	kref_put(&o->ref, release);
}

WEFT_TEST(shutdown_drops_ref)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	kref_init(&o->ref);
	init_completion(&o->begun);
	timer_setup(&o->t, fn, 0);
	kref_get(&o->ref);            /* the pending timer's */
	mod_timer(&o->t, jiffies + 1);
	wait_for_completion(&o->begun);
#ifdef FIXED
	if (del_timer_sync(&o->t))
#else
	if (timer_shutdown_sync(&o->t))
#endif
		kref_put(&o->ref, release);
	kref_put(&o->ref, release);
}
