/* src/linux/tasklet.c - tasklet_kill and the end of a tasklet's run, of
 * the kernel header tree's tasklets (include/kernel/linux/weft/
 * interrupt.h: works of system_highpri_wq, run in softirq context).
 * tasklet_kill waits as cancel_work_sync does (wq_wait.c). */
#include <limits.h>
#include <stddef.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>

/* No instance is pending and no other tasklet_kill holds the tasklet:
 * the kernel's test_and_set_bit(TASKLET_STATE_SCHED) would succeed. */
static bool sched_free(const struct weft__op *op)
{
	const struct weft_work *w = op->arg;
	return !w->pending && !w->canceling;
}

/* The kernel's tasklet_kill takes TASKLET_STATE_SCHED itself once a
 * scheduled instance has started (so every tasklet_schedule from then
 * on, the running tasklet's own included, does nothing), waits for the
 * running instance to return, and clears the bit.  Flushing instead
 * left a tasklet that rescheduled itself pending, and the memory freed
 * after tasklet_kill was a false use-after-free.  Here canceling plays
 * SCHED: weft_work_queue fails while it is set. */
void weft_kx_tasklet_kill(struct weft_work *w, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "tasklet_kill", .obj = &weft__lx_dom,
			       .access = WEFT__ACC_WRITE, .arg = w,
			       .ready = sched_free,
			       .waitdesc = weft__lx_work_waitdesc, .loc = loc };

	weft__lx_work_check_init(w, op.name, loc);
	op.objname = w->name;
	weft_might_sleep(op.name, w->name, loc);
	weft__wait_on_class(weft__lx_work_class(w), loc);
	weft__visible(&op);
	weft__check_access(w, sizeof *w, true, loc);
	if (!w->runner)
		return;
	w->canceling = 1;
	op.ready = weft__lx_work_not_running;
	weft__visible(&op);
	weft__check_access(w, sizeof *w, true, loc);
	w->canceling = 0;
}

/* The section's holder is known before the queueing step: only this
 * thread changes its own depths. */
int weft_kx_tasklet_schedule(struct weft_work *w, const struct weft_loc *loc)
{
	return weft__lx_work_queue_held(&weft_system_highpri_wq, w, -1,
					weft__lx_softirq_holder(), loc);
}

/* The heap's own report of the store would be drawn at the header's
 * line (weft's tree, not the program's): the tasklet is named instead,
 * with the place it was set up. */
void weft_kx_tasklet_unlock(unsigned long *state, const struct weft_work *w)
{
	if (weft__heap_freed(state))
		weft__fail(WEFT__K(USE_AFTER_FREE), w->init,
			   "tasklet %s freed its own tasklet: tasklet_action "
			   "clears the tasklet's RUN state after %s returns, "
			   "in freed memory (free it only after tasklet_kill, "
			   "outside its function)", w->name, w->name);
	*state = 0;
}

/* The kernel's tasklet_disable_nosync is an atomic_inc of the tasklet's
 * count; tasklet_action finds a scheduled tasklet with a count, leaves
 * it scheduled and tries again later, so it runs after the last
 * tasklet_enable.  Here the count is the work's hold: the work stays on
 * its queue, pending (so tasklet_schedule does nothing, as SCHED is
 * still set), and no worker starts it.  tasklet_disable then waits for
 * an instance already running, which the count did not stop. */
void weft_kx_tasklet_disable(struct weft_work *w, int sync,
			     const struct weft_loc *loc)
{
	const char *what = sync ? "tasklet_disable" : "tasklet_disable_nosync";

	weft__lx_work_check_init(w, what, loc);
	weft__point(what, &weft__lx_dom, w->name, WEFT__ACC_WRITE, loc);
	weft__check_access(w, sizeof *w, true, loc);
	if (w->hold == USHRT_MAX)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of tasklet %s disabled %u times", what, w->name,
			   USHRT_MAX);
	w->hold++;
	if (sync)
		weft_kx_tasklet_unlock_wait(w, sync == 2, loc);
}

/* The kernel waits while TASKLET_STATE_RUN is set: with wait_var_event
 * since Linux 5.13, which may sleep (might_sleep: misuse in atomic
 * context, a helper's review found tasklet_disable under a spinlock
 * verified), or spinning in the _spin_ and _in_atomic forms.  lockdep
 * sees no wait (no class). */
void weft_kx_tasklet_unlock_wait(struct weft_work *w, int spin,
				 const struct weft_loc *loc)
{
	struct weft__op op = { .name = "tasklet_unlock_wait",
			       .obj = &weft__lx_dom, .objname = w->name,
			       .access = WEFT__ACC_READ, .arg = w,
			       .ready = weft__lx_work_not_running,
			       .waitdesc = weft__lx_work_waitdesc, .loc = loc };

	weft__lx_work_check_init(w, op.name, loc);
	if (!spin)
		weft_might_sleep(op.name, w->name, loc);
	weft__visible(&op);
	weft__check_access(w, sizeof *w, false, loc);
}

bool weft_kx_tasklet_enable(struct weft_work *w, const struct weft_loc *loc)
{
	weft__lx_work_check_init(w, "tasklet_enable", loc);
	weft__point("tasklet_enable", &weft__lx_dom, w->name, WEFT__ACC_WRITE,
		    loc);
	weft__check_access(w, sizeof *w, true, loc);
	if (!w->hold)
		weft__fail(WEFT__K(MISUSE), loc,
			   "tasklet_enable of tasklet %s, which is not "
			   "disabled", w->name);
	return --w->hold == 0;
}
