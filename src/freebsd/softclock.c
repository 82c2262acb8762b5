/* src/freebsd/softclock.c - the softclock threads of the callout model.
 *
 * Each virtual CPU has a softclock thread, spawned the first time a
 * callout is armed on that CPU, which lives until the test is over.  It waits until a callout of its CPU is
 * pending, fires the earliest (advancing the virtual time to its
 * deadline), takes the callout's lock if it has one, runs the handler and
 * then, as FreeBSD's softclock_call_cc does, wakes drains and performs a
 * deferred migration.  Time is never real: a softclock that fires "early"
 * or "late" relative to the other threads is just an interleaving the
 * explorer chooses.
 *
 * The guarantees of callout(9) are checked here, where a model that broke
 * them would show it: a handler must not start after callout_drain
 * returned (unless the callout was armed again), and must not start on
 * one CPU while it still runs on another.  Under the fixed model neither
 * can happen; the legacy model (FreeBSD 8.1's migration) breaks both. */
#include <stdint.h>
#include <stdio.h>

#include "freebsd/bsd.h"

const char *const weft__bsd_softclock_names[BSD_MAXCPU] = {
	"softclock/0", "softclock/1", "softclock/2", "softclock/3",
	"softclock/4", "softclock/5", "softclock/6", "softclock/7",
};

/* The location shown for a softclock step when no callout is involved. */
static const struct weft_loc idle_loc = { "softclock", 0, "softclock" };

/* The pending callout of cpu with the earliest deadline (ties: the one
 * armed first), or NULL.  A callout that already fired max_fires times in
 * this execution is never due: its next deadline lies beyond the explored
 * time horizon, which keeps a periodic callout from making an execution
 * (and the exploration) infinite. */
static struct bsd_co *next_due(struct bsd_state *s, int cpu)
{
	struct bsd_co *best = NULL;

	for (int i = 0; i < s->nco; i++) {
		struct bsd_co *co = &s->co[i];
		if (!co->pending || co->cpu != cpu ||
		    co->fires >= s->max_fires)
			continue;
		if (!best || co->time < best->time ||
		    (co->time == best->time && co->seq < best->seq))
			best = co;
	}
	return best;
}

/* True when every thread other than the softclocks has finished, or is
 * an idle daemon: the test body returned, so the test is over for the
 * callouts.  An idle daemon is a worker that has no task to start (the
 * system taskqueue's, which is never destroyed, or one of a queue the
 * test did not free): a worker marks itself a daemon only between tasks,
 * and one with a task to start is enabled.  Counted as live, the system
 * queue's worker kept every softclock polling after the test returned,
 * a false deadlock of any test that used a callout and taskqueue_thread
 * (a FreeBSD probe).  A worker stuck inside a task is no daemon, so the
 * softclocks stay and the hang is still reported. */
static bool test_over(struct bsd_state *s)
{
	for (int i = 0; i < weft__nthreads(); i++) {
		bool softclock = false;
		for (int k = 0; k < s->ncpu; k++)
			if (s->cpu[k].tid == i + 1)
				softclock = true;
		if (softclock || weft__thread_done(i))
			continue;
		if (!weft__thread_daemon(i) || weft__thread_enabled(i))
			return false;
	}
	return true;
}

/* The softclock's step is always enabled, so that partial-order reduction
 * sees it race with every step that arms or cancels a callout of its CPU
 * (the explorer analyses only enabled operations, and a stop can disable a
 * softclock for good).  It is "strong" only when a callout is due or the
 * test is over (the softclock then retires): a state in which every other
 * thread is blocked and no callout is due is still a deadlock.  A step that finds nothing due is a read that made no progress;
 * one that fires a callout writes the callout state.  The op is our own
 * local, so strong() may describe it for the trace and for the reduction:
 * the step is recorded right after this is computed, with nothing between. */
static bool softclock_strong(const struct weft__op *op)
{
	struct bsd_co *co = next_due(weft__bsd(), (int)op->arg2);
	struct weft__op *w = (struct weft__op *)(uintptr_t)op;

	w->access = co ? WEFT__ACC_WRITE : WEFT__ACC_READ;
	w->objname = co ? co->name : NULL;
	w->loc = co && co->arm_loc ? co->arm_loc : &idle_loc;
	return co != NULL || test_over(weft__bsd());
}

static int softclock_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "a callout to fire on CPU %ld", op->arg2);
	return -1;
}

/* The lock-order class of a callout's handler: held while the handler
 * runs (and while the softclock waits for the callout's lock), waited for
 * by callout_drain.  Keyed like a lock: a static callout by its address,
 * a heap one by where it was initialised. */
int weft__bsd_handler_class(struct bsd_co *co)
{
	if (!co->hcls) {
		const void *key = weft__class_key_for(co->c, co->init_loc);
		const char *name =
			key == co->c
				? weft__internf("callout %s", co->name)
				: weft__internf("callout initialised at %s",
						weft__bsd_site(co->init_loc));
		co->hcls = weft__class(key, name) + 1;
	}
	return co->hcls - 1;
}

bool weft__bsd_co_running(const struct bsd_co *co, int *cpu)
{
	struct bsd_state *s = weft__bsd();

	for (int k = 0; k < s->ncpu; k++) {
		if (s->cpu[k].curr != co)
			continue;
		if (cpu)
			*cpu = k;
		return true;
	}
	return false;
}

/* A callout armed after it fired max_fires times never fires again in
 * this execution (next_due): a bug in a later run is not found, and a
 * thread that waits for that run waits for good.  Every verdict says so,
 * as the Linux timers' cap does (ktime.c), and a hang found after it is
 * inconclusive (timer-refire-bound), not a deadlock or a livelock: a
 * periodic callout that counted to five for a waiter was a false
 * deadlock, and its assertion on a fourth run was silently verified (a
 * FreeBSD probe). */
static void hold_back(const struct bsd_state *s)
{
	weft__verdict_note(0x43414c4c4f555443ull,
			   weft__internf("a callout fires at most %d times in "
					 "an execution (weft_callout_set_max_"
					 "fires), then stays pending: a bug "
					 "on a later run is not found",
					 s->max_fires));
	weft__bound_held();
}

void weft__bsd_co_arm(struct bsd_co *co, int cpu, long nticks,
		      weft_callout_func_t *fn, void *arg)
{
	struct bsd_state *s = weft__bsd();

	co->cpu = cpu;
	co->time = weft_bsd_ticks + (nticks < 1 ? 1 : nticks);
	co->seq = ++s->seq;
	co->pending = co->active = true;
	co->func = fn;
	co->arg = arg;
	co->drained = false;
	if (co->fires >= s->max_fires)
		hold_back(s);
}

/* The checks of callout(9)'s guarantees, when a handler starts. */
static void check_start(struct bsd_state *s, int cpu, struct bsd_co *co)
{
	if (co->drained)
		weft__fail(WEFT__K(ASSERTION), co->drain_loc,
			   "handler %s of callout %s started on %s after "
			   "callout_drain(%s) returned at %s, and the callout "
			   "was not armed again",
			   weft__bsd_fname(s->cpu[cpu].func), co->name,
			   weft__bsd_softclock_names[cpu], co->name,
			   weft__bsd_site(co->drain_loc));
	for (int k = 0; k < s->ncpu; k++)
		if (k != cpu && s->cpu[k].curr == co && s->cpu[k].running)
			weft__fail(WEFT__K(ASSERTION), co->arm_loc,
				   "handler %s of callout %s started on %s "
				   "while it is still running on %s",
				   weft__bsd_fname(s->cpu[cpu].func), co->name,
				   weft__bsd_softclock_names[cpu],
				   weft__bsd_softclock_names[k]);
}

/* Run the handler of co, which just fired on cpu. */
static void run_handler(struct bsd_state *s, int cpu, struct bsd_co *co)
{
	struct bsd_cpu *cc = &s->cpu[cpu];
	struct bsd_thread *t = weft__bsd_self();
	struct weft_bsd_mtx *lock = co->lock;
	const struct weft_loc *loc = co->arm_loc ? co->arm_loc : &idle_loc;
	int hcls = weft__bsd_handler_class(co);
	struct weft__op op = { .name = "softclock", .obj = &s->co,
			       .objname = co->name, .access = WEFT__ACC_WRITE,
			       .loc = loc };
	bool skip = false;

	weft__lock_acquire(hcls, loc, false);
	if (lock)
		weft__bsd_lock(lock, "mtx_lock", loc);
	/* The handler starts in a step of its own: between the firing and
	 * this step, other CPUs may stop, reset or drain the callout (and a
	 * callout with a lock may have been cancelled by a thread holding
	 * the lock while we waited for it). */
	weft__visible(&op);
	if (lock) {
		skip = cc->cancel;
		cc->cancel = true;
	}
	weft__step_note(skip ? "cancelled" : "runs the handler");
	if (!skip) {
		check_start(s, cpu, co);
		cc->running = true;
		t->handler = co;
		t->hfunc = cc->func;
		cc->func(cc->arg);
		t->handler = NULL;
		t->hfunc = NULL;
	}
	if (lock && !skip && (co->lockflags & WEFT_CALLOUT_RETURNUNLOCKED)) {
		if (weft_bsd_mtx_owned(lock))
			weft__fail(WEFT__K(MISUSE), loc,
				   "handler %s of callout %s returned holding "
				   "%s, initialised with CALLOUT_RETURNUNLOCKED",
				   weft__bsd_fname(cc->func), co->name,
				   weft__bsd_mtx_name(lock));
	} else if (lock) {
		if (!weft_bsd_mtx_owned(lock))
			weft__fail(WEFT__K(MISUSE), loc,
				   "handler %s of callout %s released %s, "
				   "which the softclock holds for it (use "
				   "CALLOUT_RETURNUNLOCKED)",
				   weft__bsd_fname(cc->func), co->name,
				   weft__bsd_mtx_name(lock));
		weft__bsd_unlock(lock, "mtx_unlock", loc);
	}
	weft__lock_release(hcls, loc);
}

/* After the handler: nothing runs on cpu any more; a waiting drain
 * cancels a deferred migration, otherwise the migration happens now. */
static void finish(struct bsd_state *s, int cpu, struct bsd_co *co)
{
	struct bsd_cpu *cc = &s->cpu[cpu];
	struct weft__op op = { .name = "softclock", .obj = &s->co,
			       .objname = co->name, .access = WEFT__ACC_WRITE,
			       .release = true,
			       .loc = co->arm_loc ? co->arm_loc : &idle_loc };

	/* A release: it enables waiting drains, which cannot be ordered
	 * before it. */
	weft__visible(&op);
	weft__step_note("handler done");
	cc->curr = NULL;
	cc->running = false;
	cc->func = NULL;
	cc->arg = NULL;
	if (!co->dfrmig)
		return;
	co->dfrmig = false;
	if (cc->waiting) {
		weft__step_note("migration cancelled by drain");
		return;
	}
	weft__bsd_co_arm(co, co->mig_cpu, co->mig_ticks, co->mig_func,
			 co->mig_arg);
	weft__step_note("migrated");
}

/* A softclock outlives the test body, as the kernel's does: a handler
 * that is still running when the test returns runs to its end, so what
 * it does to memory the test freed is seen.  Callouts still armed then
 * are a leak; with none armed and nothing running here, it exits. */
static bool softclock_retire(struct bsd_state *s)
{
	if (!test_over(s))
		return false;
	weft__bsd_report_armed(s, "when the test returned", false);
	return true;
}

static void softclock_main(void *arg)
{
	int cpu = (int)(intptr_t)arg;
	struct bsd_state *s = weft__bsd();

	/* Nothing can be due before some thread writes the callout state,
	 * so the first poll would see nothing: let the thread that waits for
	 * us run first, without that counting as a preemption. */
	s->cpu[cpu].started = true;
	weft__spun();
	for (;;) {
		struct weft__op op = { .name = "softclock", .obj = &s->co,
				       .access = WEFT__ACC_READ,
				       .strong = softclock_strong,
				       .waitdesc = softclock_desc,
				       .arg2 = cpu, .loc = &idle_loc };
		struct bsd_cpu *cc = &s->cpu[cpu];
		struct bsd_co *co;

		weft__visible(&op);
		if (softclock_retire(s))
			return;
		co = next_due(s, cpu);
		if (!co) {
			weft__step_note("nothing due");
			weft__spun();
			continue;
		}
		/* The kernel reads the callout here: it must still exist. */
		weft__check_access(co->c, sizeof *co->c, true, op.loc);
		if (co->time > weft_bsd_ticks)
			weft_bsd_ticks = (int)co->time;
		co->pending = false;
		co->fires++;
		cc->curr = co;
		cc->cancel = false;
		cc->func = co->func;
		cc->arg = co->arg;
		run_handler(s, cpu, co);
		finish(s, cpu, co);
	}
}

static bool started_ready(const struct weft__op *op)
{
	return weft__bsd()->cpu[op->arg2].started;
}

/* Spawn the softclock of cpu if it does not exist yet, and wait until it
 * has reached its first step.  The wait matters: a new thread's first step
 * ("start") is independent of everything, so the explorer would never run
 * a daemon that nobody waits for, and would not see that its firing races
 * with the steps that arm and cancel callouts. */
void weft__bsd_softclock_ensure(int cpu, const struct weft_loc *loc)
{
	struct bsd_cpu *cc = &weft__bsd()->cpu[cpu];
	struct weft__op op = { .name = "softclock_start",
			       .objname = weft__bsd_softclock_names[cpu],
			       .access = WEFT__ACC_NONE, .ready = started_ready,
			       .arg2 = cpu, .loc = loc };
	int tid;

	if (cc->tid)
		return;
	/* Spawning is a scheduling point: mark the CPU first so a thread
	 * that runs meanwhile does not spawn a second softclock. */
	cc->tid = -1;
	tid = weft__spawn_system(softclock_main, (void *)(intptr_t)cpu,
				 weft__bsd_softclock_names[cpu],
				 WEFT__THREAD_AWAITED, NULL,
				 (uintptr_t)cc, loc);
	cc->tid = tid + 1;
	weft__visible(&op);
}
