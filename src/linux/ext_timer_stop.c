/* src/linux/ext_timer_stop.c - stopping the kernel header tree's timers
 * (del_timer and its _sync, try_ and shutdown forms, hrtimer_cancel) and
 * asking about them (timer_pending, timer_running, hrtimer_active,
 * hrtimer_forward's check), on the state ext_timer.c keeps: the clock's
 * domain object for whether the timer is armed, and the timer's running
 * state (t->running), which the handler's start and end change. */
#include <stdio.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>

static bool idle(const struct weft__op *op)
{
	const struct weft_xtimer *t = op->arg;
	return !t->running || t->migrated;
}

static int running_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_xtimer *t = op->arg;

	snprintf(buf, n, "timer callback %s, running in %s",
		 weft__lx_xtimer_name(t),
		 weft__lx_tname(t->running - 1));
	return t->running - 1;
}

int weft_xtimer_del(struct weft_xtimer *t, int mode, int shutdown,
		    const struct weft_loc *loc)
{
	static const char *const names[2][3] = {
		{ "del_timer", "del_timer_sync", "try_to_del_timer_sync" },
		{ "timer_shutdown", "timer_shutdown_sync", "timer_shutdown" },
	};
	/* An hrtimer's: hrtimer_cancel waits, hrtimer_try_to_cancel not
	 * (a misuse said del_timer_sync for an hrtimer_cancel). */
	static const char *const hr_names[3] = {
		"hrtimer_try_to_cancel", "hrtimer_cancel",
		"hrtimer_try_to_cancel"
	};
	struct weft__op op = { .name = t->rfn && !shutdown
					       ? hr_names[mode]
					       : names[shutdown != 0][mode],
			       .obj = &weft__lx_dom,
			       .objname = weft__lx_xtimer_name(t),
			       .access = WEFT__ACC_WRITE,
			       .arg = t, .loc = loc };
	int was;

	weft__lx_xtimer_check(t, op.name, loc);
	if (mode == 1) {
		if (t->running == weft__self() + 1)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s(%s) from the timer's own callback "
				   "waits for itself", op.name,
				   weft__lx_xtimer_name(t));
		/* The kernel warns (__timer_delete_sync): the interrupt may
		 * have arrived on top of the callback, on its CPU, which
		 * then never finishes.  Not for an hrtimer, whose cancel
		 * waits otherwise, nor for an IRQ-safe timer. */
		if (!t->rfn && weft_kx_in_hardirq() &&
		    !(t->flags & WEFT_XTIMER_IRQSAFE))
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s(%s) in hard-interrupt context, of a "
				   "timer that is not TIMER_IRQSAFE: on the "
				   "CPU whose timer callback the interrupt "
				   "stopped, the wait never ends (the kernel "
				   "warns)", op.name, weft__lx_xtimer_name(t));
		if (t->cls)
			weft__wait_on_class(t->cls - 1, loc);
		op.ready = idle;
		op.waitdesc = running_waitdesc;
	}
	if (mode)
		op.obj2 = &t->running;
	/* A shutdown takes effect at the first try, a running handler or
	 * not (the kernel's __try_to_del_timer_sync clears the function
	 * before it waits): the handler's re-arm is then ignored.  Set
	 * after the wait, the re-arm took effect and timer_shutdown_sync
	 * returned 1, and a reference the re-arm kept leaked unseen (a
	 * review's probe).  The wait is a step of its own only when the
	 * handler runs. */
	if (mode == 1 && shutdown) {
		struct weft__op first = op;

		first.ready = NULL;
		first.waitdesc = NULL;
		weft__visible(&first);
		weft__check_access(t, sizeof *t, true, loc);
		t->shutdown = 1;
		if (!idle(&op))
			weft__visible(&op);
	} else {
		weft__visible(&op);
	}
	weft__check_access(t, sizeof *t, true, loc);
	if (shutdown)
		t->shutdown = 1;
	if (mode == 2 && t->running && !t->migrated)
		return -1;
	was = t->ev.armed || t->queued;
	weft__lx_ev_disarm(&t->ev);
	t->ev.fired = 0;
	t->queued = 0;
	return was;
}

int weft_xtimer_pending(struct weft_xtimer *t, const struct weft_loc *loc)
{
	weft__check_access(t, sizeof *t, false, loc);
	weft__point("timer_pending", &weft__lx_dom, weft__lx_xtimer_name(t),
		    WEFT__ACC_READ, loc);
	weft__check_access(t, sizeof *t, false, loc);
	return t->ev.armed || t->queued;
}

bool weft__lx_xtimer_self(const void *owner)
{
	return ((const struct weft_xtimer *)owner)->running ==
	       weft__self() + 1;
}

void weft_xtimer_forward_check(struct weft_xtimer *t,
			       const struct weft_loc *loc)
{
	weft__check_access(t, sizeof *t, false, loc);
	weft__point("hrtimer_forward", &weft__lx_dom, weft__lx_xtimer_name(t),
		    WEFT__ACC_READ, loc);
	if (t->ev.armed || t->queued)
		weft__fail(WEFT__K(MISUSE), loc,
			   "hrtimer_forward on hrtimer %s, which is queued: "
			   "the kernel warns and leaves it as it is (forward "
			   "it from its own callback, or cancel it first)",
			   weft__lx_xtimer_name(t));
}

/* hrtimer_active: pending or running, read in one step, as the kernel
 * reads both under one sequence count (two steps, a periodic timer's
 * end and re-arm between them made it inactive: a false bug). */
int weft_xtimer_active(struct weft_xtimer *t, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "hrtimer_active", .obj = &weft__lx_dom,
			       .obj2 = &t->running,
			       .objname = weft__lx_xtimer_name(t),
			       .access = WEFT__ACC_READ, .loc = loc };

	weft__check_access(t, sizeof *t, false, loc);
	weft__visible(&op);
	return t->ev.armed || t->queued || t->running != 0;
}

int weft_xtimer_running(struct weft_xtimer *t, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "timer_running", .obj = &weft__lx_dom,
			       .obj2 = &t->running,
			       .objname = weft__lx_xtimer_name(t),
			       .access = WEFT__ACC_READ, .loc = loc };

	weft__check_access(t, sizeof *t, false, loc);
	weft__visible(&op);
	return t->running != 0;
}
