/* src/linux/ktimer.c - <weft/linux.h>'s timers (timer_setup, mod_timer,
 * del_timer, del_timer_sync, timer_shutdown, timer_pending) on the
 * virtual clock of ktime.c, whose thread ksoftirqd/0 runs their callbacks
 * when they fire.
 * Every operation is a step on the deferred-work domain (weft__lx_dom),
 * as the clock's own. */
#include <stdio.h>

#include "lx.h"

const char *weft__lx_timer_name(const struct weft_timer *t)
{
	return t->name ? t->name : "timer";
}

/* The clock fires t (ktime.c's ksoftirqd): its callback runs here. */
void weft__lx_timer_fire(struct weft_timer *t)
{
	struct weft__lx_ctx_save save;
	int cls;

	/* A timer freed while armed is caught when it fires. */
	weft__check_access(t, sizeof *t, true, t->ev.armed_at);
	t->running = weft__self() + 1;
	if (!t->cls)
		t->cls = weft__class(weft__class_key_for(t, t->init),
				     weft__lx_timer_name(t)) + 1;
	cls = t->cls - 1;
	weft__lx_ctx_enter(&save, "timer callback", weft__lx_timer_name(t), cls + 1, 0);
	weft__lx_me()->cause = &t->ev;
	weft__lock_acquire(cls, t->ev.armed_at, false);
	t->fn(t);
	weft__lock_release(cls, t->ev.armed_at);
	weft__lx_me()->cause = NULL;
	weft__lx_ctx_leave(&save);
	/* The callback may have freed the timer (a legal kernel idiom), so
	 * its end is recorded without checking its memory. */
	weft__release_point("timer_done", &weft__lx_dom, weft__lx_timer_name(t),
			    t->ev.armed_at);
	t->running = 0;
}

/* A timer is in use while armed (a running callback may let the frame's
 * owner go on). */
static const char *timer_busy(const void *obj)
{
	const struct weft_timer *t = obj;

	if (t->ev.armed)
		return weft__internf("timer %s is still armed", weft__lx_timer_name(t));
	return NULL;
}

void weft_timer_init(struct weft_timer *t, void (*fn)(struct weft_timer *),
		     unsigned int flags, const char *name,
		     const struct weft_loc *loc)
{
	if (weft__lx_known_mem(t) && t->ev.armed && t->ev.kind)
		weft__fail(WEFT__K(MISUSE), loc,
			   "timer_setup on timer %s while it "
			   "is armed (armed at %s)", weft__lx_timer_name(t),
			   weft__lx_site(t->ev.armed_at));
	*t = (struct weft_timer){ .fn = fn, .name = name, .flags = flags,
				  .init = loc };
	weft__frame_obj_init(t, sizeof *t, &timer_busy, timer_busy, loc);
}

static void check_timer(struct weft_timer *t, const char *what,
			const struct weft_loc *loc)
{
	weft__check_access(t, sizeof *t, true, loc);
	weft__frame_obj_use(t, NULL, true, loc);
	if (!t->fn)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on a timer that was never set up "
			   "with timer_setup", what);
}

void weft__lx_add_pending(const char *name, const struct weft_loc *loc)
{
	weft__fail(WEFT__K(MISUSE), loc,
		   "add_timer on timer %s, which is pending: the kernel "
		   "warns (WARN_ON_ONCE; BUG_ON before Linux 6.2) and leaves "
		   "it as it is; mod_timer re-arms a pending timer", name);
}

static int timer_arm(struct weft_timer *t, unsigned long expires, bool add,
		     const struct weft_loc *loc)
{
	const char *what = add ? "add_timer" : "mod_timer";
	int was;

	check_timer(t, what, loc);
	weft__point(what, &weft__lx_dom, weft__lx_timer_name(t), WEFT__ACC_WRITE, loc);
	weft__check_access(t, sizeof *t, true, loc);
	weft__frame_obj_use(t, NULL, true, loc);
	was = t->ev.armed;
	if (add && was)
		weft__lx_add_pending(weft__lx_timer_name(t), loc);
	/* A shut-down timer is not armed again, even by its own callback
	 * (the kernel's timer_shutdown clears its function, and __mod_timer
	 * then does nothing), as ext_timer.c's. */
	if (t->shutdown) {
		weft__step_note("shut down");
		return was;
	}
	weft__lx_ev_arm(&t->ev, LX_EV_TIMER, expires, t, loc);
	weft__lx_clock_need_thread(loc);
	return was;
}

int weft_timer_mod(struct weft_timer *t, unsigned long expires,
		   const struct weft_loc *loc)
{
	return timer_arm(t, expires, false, loc);
}

void weft_timer_add(struct weft_timer *t, const struct weft_loc *loc)
{
	(void)timer_arm(t, t->expires, true, loc);
}

static bool timer_idle(const struct weft__op *op)
{
	const struct weft_timer *t = op->arg;
	return !t->running;
}

static int timer_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_timer *t = op->arg;

	snprintf(buf, n, "timer callback %s, running in %s", weft__lx_timer_name(t),
		 weft__lx_tname(t->running - 1));
	return t->running - 1;
}

int weft_timer_del(struct weft_timer *t, int sync, int shutdown,
		   const struct weft_loc *loc)
{
	static const char *const names[2][2] = {
		{ "del_timer", "del_timer_sync" },
		{ "timer_shutdown", "timer_shutdown_sync" },
	};
	struct weft__op op = { .name = names[shutdown != 0][sync != 0],
			       .obj = &weft__lx_dom, .objname = weft__lx_timer_name(t),
			       .access = WEFT__ACC_WRITE, .arg = t,
			       .loc = loc };

	check_timer(t, op.name, loc);
	if (sync) {
		if (t->running == weft__self() + 1)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s(%s) from the timer's own callback "
				   "waits for itself", op.name,
				   weft__lx_timer_name(t));
		/* del_timer_sync spins rather than sleeps, so it is allowed
		 * in atomic context; holding a lock the callback takes is
		 * what deadlocks, which the class wait catches. */
		if (t->cls)
			weft__wait_on_class(t->cls - 1, loc);
		op.ready = timer_idle;
		op.waitdesc = timer_waitdesc;
	}
	weft__visible(&op);
	weft__check_access(t, sizeof *t, true, loc);
	if (shutdown)
		t->shutdown = 1;
	return weft__lx_ev_disarm(&t->ev);
}

int weft_timer_pending(struct weft_timer *t, const struct weft_loc *loc)
{
	weft__check_access(t, sizeof *t, false, loc);
	weft__point("timer_pending", &weft__lx_dom, weft__lx_timer_name(t), WEFT__ACC_READ,
		    loc);
	weft__check_access(t, sizeof *t, false, loc);
	return t->ev.armed;
}
