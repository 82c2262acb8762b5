/* src/linux/ext_wq.c - work introspection of the kernel header tree
 * (<linux/workqueue.h>): work_busy and current_work, read from the
 * workqueue model's own state (workqueue.c). */
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
