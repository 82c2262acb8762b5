/* src/linux/ext_wq.c - work introspection of the kernel header tree
 * (<linux/workqueue.h>): work_busy and current_work, read from the
 * workqueue model's own state (workqueue.c); and the two halves of
 * queue_rcu_work, around the call_rcu of the mapping header. */
#include "lx.h"
#include <kernel/linux/weft_ext.h>

/* The kernel's work_busy: PENDING while the work is queued or its delay
 * timer is armed, RUNNING while a worker executes it.  A read of the
 * queues' state in one step, so the explorer tries it on both sides of
 * a queueing, a start and an end; its answer is stale at once, as the
 * kernel's documentation warns (a hint, not a synchronisation), and a
 * poll (weft__poll). */
unsigned int weft_kx_work_busy(struct weft_work *w, const struct weft_loc *loc)
{
	unsigned int ret = 0;

	weft__lx_work_check_init(w, "work_busy", loc);
	weft__point("work_busy", &weft__lx_dom, w->name, WEFT__ACC_READ, loc);
	weft__check_access(w, sizeof *w, false, loc);
	if (w->pending)
		ret |= WEFT_KX_WORK_BUSY_PENDING;
	if (w->nrunning)
		ret |= WEFT_KX_WORK_BUSY_RUNNING;
	/* A loop that polls it until the work is done spins while the
	 * answer stays the same: the explorer runs the others meanwhile. */
	return (unsigned int)weft__poll(w, (long)ret);
}

/* The work the calling worker runs, NULL outside a work's function (a
 * tasklet's or an irq_work's function runs as a work here, and sees
 * its own). */
struct weft_work *weft_kx_current_work(void)
{
	/* A workqueue worker's only: a tasklet runs its function from a
	 * work of weft's, but in softirq context, where the kernel's
	 * current_work() is NULL (a helper's review). */
	if (weft_kx_in_softirq())
		return NULL;
	return weft__lx_me()->work;
}

/* queue_rcu_work's first half: PENDING is set before the grace period,
 * so a second queue_rcu_work (or queue_work) of the work returns false
 * until the work starts, as in the kernel. */
int weft_kx_rcu_work_claim(struct weft_wq *wq, struct weft_work *w,
			   const struct weft_loc *loc)
{
	weft__lx_work_check_init(w, "queue_rcu_work", loc);
	weft__check_access(wq, sizeof *wq, true, loc);
	weft__point("queue_rcu_work", &weft__lx_dom, w->name, WEFT__ACC_WRITE,
		    loc);
	weft__check_access(w, sizeof *w, true, loc);
	weft__check_access(wq, sizeof *wq, true, loc);
	if (w->disable)
		weft__fail(WEFT__K(MISUSE), loc,
			   "queue_rcu_work on work %s, which is disabled (an "
			   "rcu_work cannot be cancelled or disabled: the "
			   "kernel warns)", w->name);
	if (w->pending || w->canceling) {
		weft__step_note("already pending");
		return 0;
	}
	w->pending = 1;
	w->rcu_wait = 1;
	w->nqueued++;
	w->cause = weft__lx_me()->cause;
	wq->nrcu_wait++;
	weft__lx_wq_spawn_if_needed(wq, loc);
	return 1;
}

/* The second half, from the call_rcu callback (rcu_work_rcufn): the work
 * goes on the queue that queue_rcu_work named. */
void weft_kx_rcu_work_insert(struct weft_wq *wq, struct weft_work *w,
			     const struct weft_loc *loc)
{
	weft__point("rcu_work_rcufn", &weft__lx_dom, w->name, WEFT__ACC_WRITE,
		    loc);
	weft__check_access(w, sizeof *w, true, loc);
	weft__check_access(wq, sizeof *wq, true, loc);
	w->rcu_wait = 0;
	wq->nrcu_wait--;
	weft__lx_wq_insert(wq, w, weft__lx_queue_cpu(-1), loc);
	weft__lx_wq_spawn_if_needed(wq, loc);
}
