/* src/linux/ext_timer.c - timers whose handler runs late, in a thread of
 * its own (the timer_list and hrtimer of the kernel header tree,
 * include/kernel/linux/timer.h and hrtimer.h).
 *
 * The deadline is an event of the virtual clock (ktime.c) of the plain
 * "sleep" kind: when ksoftirqd/0 reaches it, it only marks it fired.  The
 * handler runs in the timer's own daemon thread, "timer/NAME", which waits
 * for that mark: so the clock (and every thread sleeping on it) can move
 * on before the handler has run, as on a machine whose timer softirq runs
 * on another CPU.  For partial-order reduction, arming, firing, deleting
 * and the handler's start are steps on the clock's one object
 * (weft__lx_dom), so every order of them is explored.  The handler's end
 * changes only whether it runs (t->running, its own object, which the
 * start, del_timer_sync and timer_running touch as well): as a step on
 * the clock's object it was a release of every sleeper's wait, and a
 * sleeper woken while the handler still ran was never tried. */
#include <stdio.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>

const char *weft__lx_xtimer_name(const struct weft_xtimer *t)
{
	return t->name ? t->name : "timer";
}

static bool handler_ready(const struct weft__op *op)
{
	const struct weft_xtimer *t = op->arg;

	/* A timer set up again (or freed and never armed) no longer belongs
	 * to this thread: it waits for ever, like an idle CPU.  One pinned
	 * to a CPU waits for the handler running there (expire_timers calls
	 * them one after another: two timers pinned to one CPU updating its
	 * counter were a false data race, a review's probe), and for the
	 * end of a section with softirqs (or, in hard-interrupt context,
	 * interrupts) off of a thread on that CPU (ext_softirq.c). */
	return t->thread == (int)op->arg2 && t->ev.fired && !t->ev.armed &&
	       t->queued &&
	       (!t->cpu_plus1 ||
		(!weft__lx_xtimer_cpu_busy[t->cpu_plus1 - 1] &&
		 !weft__lx_cpu_softirqs_held(t->cpu_plus1 - 1,
					     t->flags & WEFT_XTIMER_HARDIRQ,
					     (int)op->arg2 - 1)));
}

bool weft__lx_xtimer_handler_due(void)
{
	return weft__enabled_with(handler_ready);
}

static int handler_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_xtimer *t = op->arg;
	int h;

	/* A timer stopped by the re-arm bound would fire again in the
	 * kernel: a deadlock that waits for it may be the bound's. */
	if (t->ev.armed && t->ev.fires >= WEFT_TIMER_REFIRE_BOUND) {
		weft__wait_on_bound();
		snprintf(buf, n, "timer %s, which re-armed itself %d times "
			 "(WEFT_TIMER_REFIRE_BOUND) and is not fired again in "
			 "one execution: a wait for it is weft's bound, not "
			 "necessarily a deadlock", weft__lx_xtimer_name(t),
			 WEFT_TIMER_REFIRE_BOUND);
	} else if (t->ev.fired && t->queued && t->cpu_plus1 &&
		   (h = weft__lx_cpu_softirqs_holder(
			    t->cpu_plus1 - 1, t->flags & WEFT_XTIMER_HARDIRQ,
			    (int)op->arg2 - 1)) >= 0) {
		snprintf(buf, n, "timer %s, expired on CPU %d, where %s keeps "
			 "softirqs off (local_bh_disable, spin_lock_bh, "
			 "local_irq_save ...): its handler runs when they are "
			 "on again", weft__lx_xtimer_name(t), t->cpu_plus1 - 1,
			 weft__lx_tname(h));
		return h;
	} else {
		snprintf(buf, n, "timer %s to expire", weft__lx_xtimer_name(t));
	}
	return -1;
}

static void arm(struct weft_xtimer *t, unsigned long expires,
		const struct weft_loc *loc)
{
	t->expires = expires;
	t->queued = 1;
	t->armed_at = loc;
	weft__lx_ev_arm(&t->ev, LX_EV_XTIMER, expires, t, loc);
	weft__lx_clock_need_thread(loc);
}

static void handler_thread(void *arg)
{
	struct weft_xtimer *t = arg;
	/* (An hrtimer's hard-interrupt expiry is named as such: the flag
	 * of the set-up that armed the timer first.) */
	struct weft__op op = { .name = t->flags & WEFT_XTIMER_HARDIRQ
					       ? "hrtimer_hardirq"
					       : "timer_softirq",
			       .obj = &weft__lx_dom, .obj2 = &t->running,
			       .objname = weft__lx_xtimer_name(t),
			       .access = WEFT__ACC_WRITE,
			       .ready = handler_ready,
			       .waitdesc = handler_waitdesc, .arg = t,
			       .arg2 = weft__self() + 1,
			       .liveness = WEFT__LIVE_TOGGLE, .loc = t->init };

	for (;;) {
		struct weft__lx_ctx_save save;
		const struct weft_loc *at;
		const char *name;
		int cls, restart = 0, cpu;
		struct weft__lx_depths depths;

		weft__visible(&op);
		cpu = t->cpu_plus1 - 1;
		if (cpu >= 0)
			weft__lx_xtimer_cpu_busy[cpu] = weft__self() + 1;
		/* A timer freed while pending is caught when it would run. */
		weft__check_access(t, sizeof *t, true, t->armed_at);
		t->queued = 0;
		t->ev.fired = 0;
		t->running = weft__self() + 1;
		t->migrated = 0;
		/* On add_timer_on's CPU, if it named one. */
		weft__lx_cpu_bind_self(t->cpu_plus1 - 1);
		at = t->armed_at;
		name = weft__lx_xtimer_name(t);
		if (!t->cls)
			t->cls = weft__class(weft__class_key_for(t, t->init),
					     name) + 1;
		cls = t->cls - 1;
		weft__step_note(name);
		/* A handler that has begun runs to its end, as in the
		 * kernel, even when the test body returns meanwhile (a
		 * handler dropping the last reference was a leak): the
		 * thread is no daemon while it runs one (as a worker). */
		weft__thread_clear_flags(weft__self(), WEFT__THREAD_DAEMON);
		weft__lx_ctx_enter(&save, "timer callback", name, cls + 1, 0);
		struct weft__lx_thread *me = weft__lx_me();
		int irqs_were = me->irqs_off;
		me->cause = &t->ev;
		me->timer_moved = false;
		/* An hrtimer without _SOFT: hard-interrupt context (the spin
		 * checks of ext_irq.c, in_hardirq()).  A TIMER_IRQSAFE
		 * timer's callback runs with interrupts off, as
		 * expire_timers calls it (without, a lock it shares with an
		 * interrupt handler was a false deadlock: a review's
		 * finding). */
		if (t->flags & WEFT_XTIMER_HARDIRQ)
			me->hardirq = 1;
		if (t->flags & (WEFT_XTIMER_HARDIRQ | WEFT_XTIMER_IRQSAFE))
			me->irqs_off = 1;
		weft__lock_acquire(cls, at, false);
		weft__lx_depths_save(&depths);
		if (t->rfn)
			restart = t->rfn(t);
		else
			t->fn(t);
		me = weft__lx_me();
		/* A lock left held is named first: it changes the depths
		 * too. */
		if (weft__lx_nheld(weft__self()))
			weft__fail(WEFT__K(MISUSE), at,
				   "timer callback %s returned "
				   "holding a lock", name);
		weft__lx_depths_check(&depths, "timer callback", name,
				      "timer: preempt leak", at);
		if (t->flags & (WEFT_XTIMER_HARDIRQ | WEFT_XTIMER_IRQSAFE)) {
			me->hardirq = 0;
			me->irqs_off = irqs_were;
		}
		me->cause = NULL;
		weft__lock_release(cls, at);
		weft__lx_ctx_leave(&save);
		/* The handler may have freed its timer (a legal idiom): the
		 * end is recorded without checking the timer's memory.  It
		 * makes the thread a daemon again (liveness).  Not a release
		 * once add_timer_on moved the timer away: a del_timer_sync
		 * went on before it then, and races with it (as a release,
		 * the wait between the move and the end was never tried).
		 * Whether it moved is the thread's to say, for that reason.
		 * A step on the clock's object only when it re-arms the
		 * timer (an hrtimer's restart, below), or lets the next
		 * handler pinned to its CPU run. */
		{
			bool moved = me->timer_moved;
			struct weft__op done = {
				.name = "timer_done", .obj = &t->running,
				.obj2 = restart || cpu >= 0 ? &weft__lx_dom
							    : NULL,
				.objname = name, .access = WEFT__ACC_WRITE,
				.release = !moved,
				.liveness = WEFT__LIVE_TOGGLE, .loc = at };
			weft__visible(&done);
			if (cpu >= 0 && weft__lx_xtimer_cpu_busy[cpu] ==
						weft__self() + 1)
				weft__lx_xtimer_cpu_busy[cpu] = 0;
		}
		/* Re-armed while it still counts as running, as the kernel's
		 * hrtimer core re-queues it: a re-arm of its own, which
		 * counts against the refire bound. */
		if (!weft__frame_obj_dead(t)) {
			/* (Not into a frame that returned: its owner's.) */
			if (restart && !t->shutdown)
				arm(t, t->expires, at);
			/* A run on the other CPU that began meanwhile is
			 * the one running now. */
			if (t->running == weft__self() + 1)
				t->running = 0;
		}
		weft__thread_add_flags(weft__self(), WEFT__THREAD_DAEMON);
	}
}

/* A timer is in use while pending. */
static const char *xtimer_busy(const void *obj)
{
	const struct weft_xtimer *t = obj;

	/* Not a running handler, which may let the frame's owner go on. */
	if (t->ev.armed || t->queued)
		return weft__internf("timer %s is still pending",
				     weft__lx_xtimer_name(t));
	return NULL;
}

void weft_xtimer_init(struct weft_xtimer *t, void (*fn)(struct weft_xtimer *),
		      int (*rfn)(struct weft_xtimer *), unsigned int flags,
		      const char *name, const struct weft_loc *loc)
{
	bool known = weft__lx_known_mem(t);

	if (known && t->init && (t->ev.armed || t->queued) && t->thread)
		weft__fail(WEFT__K(MISUSE), loc,
			   "timer_setup on timer %s while it "
			   "is pending (armed at %s)", weft__lx_xtimer_name(t),
			   weft__lx_site(t->armed_at));
	if (known && t->running)
		weft__fail(WEFT__K(MISUSE), loc,
			   "timer_setup on timer %s while its "
			   "handler runs", weft__lx_xtimer_name(t));
	*t = (struct weft_xtimer){ .fn = fn, .rfn = rfn, .flags = flags,
				   .name = name, .init = loc };
	weft__frame_obj_init(t, sizeof *t, &xtimer_busy, xtimer_busy, loc);
}

void weft__lx_xtimer_check(struct weft_xtimer *t, const char *what,
			   const struct weft_loc *loc)
{
	weft__check_access(t, sizeof *t, true, loc);
	weft__frame_obj_use(t, NULL, true, loc);
	if (!t->fn && !t->rfn)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on a timer that was never set up",
			   what);
}

int weft_xtimer_mod(struct weft_xtimer *t, unsigned long expires,
		    int pending_only, int reduce, const struct weft_loc *loc)
{
	/* An hrtimer (its callback returns whether to restart) is named
	 * as its own calls are. */
	const char *what = t->rfn ? "hrtimer_start" : "mod_timer";
	int was;

	weft__lx_xtimer_check(t, what, loc);
	/* The handler's thread first: its spawn has scheduling points of its
	 * own, and the timer's state is read and changed after the mod_timer
	 * step with none in between.  (Spawned after the state was read, a
	 * timer_shutdown_sync that ran meanwhile was missed, and the timer
	 * was armed again, in memory freed after the shutdown.) */
	if (!t->thread) {
		t->thread = -1;
		t->thread = weft__lx_spawn_system(handler_thread, t,
			weft__internf("timer/%s", weft__lx_xtimer_name(t)),
			(uintptr_t)t, loc) + 1;
	}
	/* And the clock's, for the same reason: spawned by the arming after
	 * the step, its scheduling points let the handler run before
	 * add_timer_on pinned the timer (a review's probe: two timers pinned
	 * to one CPU ran at once). */
	weft__lx_clock_need_thread(loc);
	weft__point(what, &weft__lx_dom, weft__lx_xtimer_name(t),
		    WEFT__ACC_WRITE, loc);
	weft__check_access(t, sizeof *t, true, loc);
	weft__frame_obj_use(t, NULL, true, loc);
	was = t->ev.armed || t->queued;
	if (pending_only == 2 && was)
		weft__lx_add_pending(weft__lx_xtimer_name(t), loc);
	if (t->shutdown || (pending_only == 1 && !was))
		return was;
	/* __mod_timer leaves a pending timer as it is when the new expiry
	 * is its own, or (timer_reduce) not earlier; pending is "on the
	 * wheel", which a timer whose expiry passed stays until its
	 * handler starts (t->queued).  Asked of t->ev.armed alone, a
	 * timer_reduce to a later deadline on such a timer re-armed it
	 * there, postponing a run that was due, and returned 1 (a probe of
	 * timer semantics).  add_timer_on (2) takes the timer off the wheel
	 * and queues it again, and so does hrtimer_start. */
	if (was && pending_only != 2 && !t->rfn &&
	    (expires == t->expires ||
	     (reduce && (long)(expires - t->expires) >= 0)))
		return was;
	weft__lx_xtimer_remember(t);
	arm(t, expires, loc);
	/* Queued on the calling CPU, as __mod_timer does: no longer pinned
	 * to add_timer_on's, unless its own handler re-arms it (a running
	 * timer keeps its base); add_timer_on pins it again after this.  (A
	 * mod_timer from another CPU left the pin, and a race of the timer
	 * with a timer of its old CPU was never tried: a review's probe.) */
	if (t->running != weft__self() + 1)
		t->cpu_plus1 = 0;
	/* A pinned timer stays on the CPU that queued it: its handler ran
	 * on a CPU of its own, and one that checked it ran where it was
	 * armed (with preemption off) failed (a probe's false alarm).  A
	 * caller with no CPU yet (it never asked) has none to pin to. */
	if ((t->flags & WEFT_XTIMER_PINNED) && t->running != weft__self() + 1) {
		int cpu = weft__lx_cpu_known();

		if (cpu >= 0)
			t->cpu_plus1 = cpu + 1;
	}
	return was;
}

int weft_xtimer_mod_on(struct weft_xtimer *t, int cpu, int nr,
		       const struct weft_loc *loc)
{
	weft__lx_xtimer_check(t, "add_timer_on", loc);
	if (cpu < 0 || cpu >= nr)
		weft__fail(WEFT__K(MISUSE), loc,
			   "add_timer_on(%s, %d): no such CPU (0 to %d)",
			   weft__lx_xtimer_name(t), cpu, nr - 1);
	bool away = t->running == weft__self() + 1 &&
		    cpu != weft_kx_cpu_id(0, "add_timer_on", nr, loc);
	int was;

	/* The run on the other CPU may begin before this one ends, as two
	 * CPUs' timer softirqs run at once: it runs in a second thread,
	 * spawned before the step as the first one is (weft_xtimer_mod).
	 * With one thread the two runs never overlapped, and a race
	 * between them was verified (a probe of seed 003's pattern).  Two
	 * threads: a third run at once, on a third CPU, waits for the
	 * first to end. */
	if (away && !t->alt) {
		t->alt = -1;
		t->alt = weft__lx_spawn_system(handler_thread, t,
			weft__internf("timer/%s'", weft__lx_xtimer_name(t)),
			(uintptr_t)t + 1, loc) + 1;
	}
	was = weft_xtimer_mod(t, t->expires, 2, 0, loc);

	/* Part of the mod_timer step, a write of the domain object, as
	 * the del_timer_sync it lets go on: set before it, the step before
	 * (a plain access, independent of the wait) enabled the wait, and
	 * the explorer took the two orders for one, never trying the wait
	 * after it. */
	t->migrated |= away;
	if (away)
		weft__lx_me()->timer_moved = true;
	if (away && t->thread == weft__self() + 1 && t->alt > 0) {
		int other = t->alt;

		t->alt = t->thread;
		t->thread = other;
	}
	t->cpu_plus1 = cpu + 1;
	return was;
}
