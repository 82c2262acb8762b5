/* src/linux/rcu_head.c - an rcu_head in a function's stack frame
 * (init_rcu_head_on_stack, or none at all): the callback queued on it
 * must have run before the frame is gone.
 *
 * call_rcu links the head into its domain's queue, and the callback
 * thread reads it when the grace period has elapsed: a head in a frame
 * that returned before then is read after later calls overwrote it.  That
 * was verified when the function was inlined, and otherwise a crash of
 * weft's own callback thread walking the queue through the overwritten
 * link, blamed on the program with none of its lines (found by a probe
 * of kernel lifetime bugs).  So a queued head is watched as the work
 * items and timers in a frame are (src/detect/race_frames.c): the return
 * of the call whose frame holds it, while its callback has not run, is a
 * use-after-free naming call_rcu's place, and so is
 * destroy_rcu_head_on_stack then (the kernel's object debugging reports
 * an active object freed).  A callback that is running does not hold its
 * head any more (the kernel reads nothing of it after the call, and the
 * callback itself may let the frame's owner go on: synchronize_rcu's
 * own wakeme_after_rcu). */
#include "lx.h"

/* The tag of the watched heads (weft__frame_obj_init). */
static const char rcu_head_kind;

/* The domain whose queue holds h, or NULL.  Only addresses are compared
 * until h is found: the heads before it in the queue are live (a dead
 * one would have been reported when its frame returned). */
static const struct weft_rcu_domain *queued_in(const struct weft_rcu_head *h)
{
	struct weft_rcu_domain **all;
	int n = weft__lx_rcu_ndomains(&all);

	for (int i = 0; i < n; i++)
		for (const struct weft_rcu_head *x = all[i]->head; x;
		     x = x->next)
			if (x == h)
				return all[i];
	return NULL;
}

static const char *head_busy(const void *obj)
{
	const struct weft_rcu_head *h = obj;
	const struct weft_rcu_domain *d = queued_in(h);

	if (!d)
		return NULL;
	return weft__internf("the RCU callback %s queued by %s at %s has "
			     "not run", h->name ? h->name : "",
			     weft__lx_rcu_flavour(d)->call,
			     weft__lx_site(h->queued_at));
}

void weft__lx_rcu_head_watch(struct weft_rcu_head *h,
			     const struct weft_loc *loc)
{
	weft__frame_obj_init(h, sizeof *h, &rcu_head_kind, head_busy, loc);
}

void weft_rcu_head_destroy(struct weft_rcu_head *h, const struct weft_loc *loc)
{
	const char *busy = head_busy(h);

	if (busy)
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "destroy_rcu_head_on_stack on an rcu_head whose "
			   "callback is still queued: %s, and will read a "
			   "stack frame that is gone (wait for it first: "
			   "rcu_barrier(), or a completion it signals)", busy);
}

bool weft__lx_rcu_head_dead(const struct weft_rcu_head *h)
{
	const char *owner;
	int kind;

	return weft__frame_obj_dead(h) || weft__in_dead_stack(h, &owner, &kind);
}

void weft__lx_rcu_head_check(const struct weft_rcu_head *h)
{
	if (weft__lx_rcu_head_dead(h))
		weft__fail(WEFT__K(USE_AFTER_FREE), NULL,
			   "an rcu_head queued for an RCU callback lies in "
			   "dead stack memory (a frame that returned, or the "
			   "stack of a thread that ended) before its callback "
			   "ran: the callback would read memory that is gone");
}
