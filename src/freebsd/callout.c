/* src/freebsd/callout.c - callout(9): init, reset, stop, drain, flags.
 *
 * Each operation is one step on the callout state (see bsd.h) whose
 * effect follows FreeBSD's kern_timeout.c after the 2010 migration fix:
 * a callout's CPU changes only while nothing runs it (CPUBLOCK made the
 * switch atomic), and a reset that moves a running callout is deferred
 * until its handler returns.  Under WEFT_CALLOUT_MODEL_LEGACY, reset and
 * drain behave as in FreeBSD 8.1 before the fix (legacy.c), so the races
 * of that fix's commit message can be replayed and are caught. */
#include <stdio.h>

#include "freebsd/bsd.h"

/* The callout state behind c; misuse when c was never initialised. */
static struct bsd_co *lookup(struct weft_callout *c, const char *opname,
			     const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();

	if (!c)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of a NULL callout", opname);
	weft__check_access(c, sizeof *c, true, loc);
	if (c->id <= 0 || c->id > s->nco || s->co[c->id - 1].c != c)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of callout %s, which was never initialised "
			   "with callout_init",
			   opname, weft__objname(c, "callout"));
	return &s->co[c->id - 1];
}

static void co_init(struct weft_callout *c, struct weft_bsd_mtx *lock,
		    int flags, const char *opname, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct bsd_co *co = NULL;

	if (!c)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of a NULL callout", opname);
	weft__check_access(c, sizeof *c, true, loc);
	if (c->id > 0 && c->id <= s->nco && s->co[c->id - 1].c == c) {
		co = &s->co[c->id - 1];
		if (co->pending || co->dfrmig || weft__bsd_co_running(co, NULL))
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s of callout %s, which is still %s "
				   "(armed at %s)",
				   opname, co->name,
				   co->pending ? "pending" : "running",
				   weft__bsd_site(co->arm_loc));
	} else {
		if (s->nco == BSD_MAXCO)
			weft__fail(WEFT__K(MISUSE), loc,
				   "more than %d callouts in one test",
				   BSD_MAXCO);
		co = &s->co[s->nco++];
		c->id = s->nco;
	}
	*co = (struct bsd_co){ .c = c, .name = weft__objname(c, "callout"),
			       .init_loc = loc, .lock = lock,
			       .lockflags = flags };
	c->init_loc = loc;
}

void weft_callout_init_at(struct weft_callout *c, int mpsafe,
			  const struct weft_loc *loc)
{
	co_init(c, mpsafe ? NULL : &weft_bsd_giant, 0, "callout_init", loc);
}

void weft_callout_init_mtx_at(struct weft_callout *c, struct weft_bsd_mtx *m,
			      int flags, const struct weft_loc *loc)
{
	if (!m || m->magic != WEFT_BSD_MTX_MAGIC)
		weft__fail(WEFT__K(MISUSE), loc,
			   "callout_init_mtx with a mutex that was never "
			   "initialised");
	if (m->opts & WEFT_BSD_MTX_SPIN)
		weft__fail(WEFT__K(MISUSE), loc,
			   "callout_init_mtx with spin mutex %s: callouts "
			   "take sleep mutexes only",
			   weft__bsd_mtx_name(m));
	co_init(c, m, flags, "callout_init_mtx", loc);
}

/* callout(9): "If the callout has an associated lock, then that lock
 * must be held when any of these functions are called."  Giant is
 * exempt, as in the kernel. */
static void check_lock_held(const struct bsd_co *co, const char *opname,
			    const struct weft_loc *loc)
{
	if (!co->lock || co->lock == &weft_bsd_giant ||
	    weft_bsd_mtx_owned(co->lock))
		return;
	weft__fail(WEFT__K(MISUSE), loc,
		   "%s of callout %s without holding its lock %s", opname,
		   co->name, weft__bsd_mtx_name(co->lock));
}

/* The fixed reset: FreeBSD's callout_reset_sbt_on. */
static int reset_fixed(struct bsd_co *co, int nticks, weft_callout_func_t *fn,
		       void *arg, int cpu)
{
	struct bsd_cpu *cc = &weft__bsd()->cpu[co->cpu];
	int cancelled = 0;

	if (cpu < 0)
		cpu = co->cpu;
	if (cc->curr == co) {
		/* A handler still waiting for its lock (which the caller
		 * holds) can be cancelled. */
		if (co->lock && !cc->cancel) {
			cc->cancel = true;
			cancelled = 1;
		}
		if (cc->waiting)
			return cancelled; /* a drain is killing it */
		if (co->dfrmig) {
			co->mig_cpu = cpu;
			co->mig_ticks = nticks;
			co->mig_func = fn;
			co->mig_arg = arg;
			return 1;
		}
	}
	if (co->pending) {
		co->pending = co->active = false;
		cancelled = 1;
	}
	if (co->cpu != cpu && cc->curr == co) {
		/* Deferred migration: the softclock re-arms it on cpu once
		 * the handler returned. */
		co->dfrmig = true;
		co->mig_cpu = cpu;
		co->mig_ticks = nticks;
		co->mig_func = fn;
		co->mig_arg = arg;
		co->drained = false;
		return cancelled;
	}
	weft__bsd_co_arm(co, cpu, nticks, fn, arg);
	return cancelled;
}

int weft_callout_reset_on_at(struct weft_callout *c, int nticks,
			     weft_callout_func_t *fn, void *arg, int cpu,
			     const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct bsd_co *co = lookup(c, "callout_reset", loc);
	struct weft__op op = { .name = "callout_reset", .obj = &s->co,
			       .objname = co->name, .access = WEFT__ACC_WRITE,
			       .loc = loc };
	int r;

	if (cpu < -1 || cpu >= s->ncpu)
		weft__fail(WEFT__K(MISUSE), loc,
			   "callout_reset_on(%s) to CPU %d; there are %d "
			   "virtual CPUs",
			   co->name, cpu, s->ncpu);
	if (!fn)
		weft__fail(WEFT__K(MISUSE), loc,
			   "callout_reset(%s) with no function",
			   co->name);
	check_lock_held(co, "callout_reset", loc);
	s->frozen = true;
	weft_bsd_mp_ncpus = s->ncpu;
	weft__bsd_softclock_ensure(cpu >= 0 ? cpu : co->cpu, loc);
	weft__visible(&op);
	co->arm_loc = loc;
	if (s->model == WEFT_CALLOUT_MODEL_LEGACY)
		r = weft__bsd_legacy_reset(co, nticks, fn, arg, cpu, &op);
	else
		r = reset_fixed(co, nticks, fn, arg, cpu);
	weft__step_note(r ? "= 1" : "= 0");
	return r;
}

int weft_callout_schedule_on_at(struct weft_callout *c, int nticks, int cpu,
				const struct weft_loc *loc)
{
	struct bsd_co *co = lookup(c, "callout_schedule", loc);

	if (!co->func)
		weft__fail(WEFT__K(MISUSE), loc,
			   "callout_schedule(%s) before any callout_reset set "
			   "its function",
			   co->name);
	return weft_callout_reset_on_at(c, nticks, co->func, co->arg, cpu, loc);
}

/* The fixed stop: FreeBSD's _callout_stop_safe without CS_DRAIN. */
static int stop_fixed(struct bsd_co *co)
{
	struct bsd_cpu *cc = &weft__bsd()->cpu[co->cpu];
	bool use_lock = co->lock && weft_bsd_mtx_owned(co->lock);
	int cancelled = 1;

	if (cc->curr == co) {
		co->active = false;
		if (use_lock && !cc->cancel) {
			/* The handler waits for the lock we hold: it will
			 * be skipped. */
			cc->cancel = true;
			co->dfrmig = false;
			return 1;
		}
		if (co->dfrmig) {
			co->dfrmig = false; /* unschedule the next run */
			return 0;
		}
		cancelled = 0;
	}
	if (!co->pending) {
		co->active = false;
		return cc->curr == co ? cancelled : -1;
	}
	co->pending = co->active = false;
	return cancelled;
}

int weft_callout_stop_at(struct weft_callout *c, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct bsd_co *co = lookup(c, "callout_stop", loc);
	struct weft__op op = { .name = "callout_stop", .obj = &s->co,
			       .objname = co->name, .access = WEFT__ACC_WRITE,
			       .loc = loc };
	int r;

	check_lock_held(co, "callout_stop", loc);
	weft__visible(&op);
	r = stop_fixed(co);
	weft__step_note(r > 0 ? "= 1" : r == 0 ? "= 0" : "= -1");
	return r;
}

int weft_callout_drain_at(struct weft_callout *c, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct bsd_co *co = lookup(c, "callout_drain", loc);
	struct bsd_thread *t = weft__bsd_self();
	struct weft__op op = { .name = "callout_drain", .obj = &s->co,
			       .objname = co->name, .access = WEFT__ACC_WRITE,
			       .loc = loc };
	int giant, r = -1;

	if (t->handler == co)
		weft__fail(WEFT__K(DEADLOCK), loc,
			   "callout_drain(%s) called from its own handler %s "
			   "on %s: it would wait for itself forever",
			   co->name, weft__bsd_fname(t->hfunc),
			   weft__thread_name(weft__self()));
	/* The callout's own lock may be held here: that is not a sleeping
	 * error but a lock-order cycle, which the class wait reports. */
	weft__bsd_may_sleep("callout_drain", co->lock, loc);
	giant = weft__bsd_drop_giant(loc);
	weft__wait_on_class(weft__bsd_handler_class(co), loc);
	weft__visible(&op);
	if (s->model == WEFT_CALLOUT_MODEL_LEGACY) {
		r = weft__bsd_legacy_drain(co, loc);
	} else {
		int cpu = co->cpu;
		if (s->cpu[cpu].curr == co)
			r = weft__bsd_drain_wait(co, cpu, loc);
		co->active = false;
		if (co->pending) {
			co->pending = false;
			if (r < 0)
				r = 1;
		}
	}
	weft__bsd_drain_done(co, loc);
	weft__bsd_pickup_giant(giant, loc);
	return r;
}

int weft_callout_pending_at(struct weft_callout *c, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct bsd_co *co = lookup(c, "callout_pending", loc);

	weft__point("callout_pending", &s->co, co->name, WEFT__ACC_READ, loc);
	weft__step_note(co->pending ? "= 1" : "= 0");
	return co->pending;
}

int weft_callout_active_at(struct weft_callout *c, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct bsd_co *co = lookup(c, "callout_active", loc);

	weft__point("callout_active", &s->co, co->name, WEFT__ACC_READ, loc);
	weft__step_note(co->active ? "= 1" : "= 0");
	return co->active;
}

void weft_callout_deactivate_at(struct weft_callout *c,
				const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct bsd_co *co = lookup(c, "callout_deactivate", loc);

	weft__point("callout_deactivate", &s->co, co->name, WEFT__ACC_WRITE,
		    loc);
	co->active = false;
}
