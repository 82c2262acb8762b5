/* src/explore/odpor_reverse.c - which immediate predecessors of a step race
 * with it, and the sequences that reverse those races (odpor_race.c says
 * which races count, and makes the pass over the steps that finds them). */
#include <stdio.h>
#include <stdlib.h>

#define WEFT__ODPOR_RACE_OWN /* its short names, odpor.h */
#include "odpor.h"

static struct ev *vbuf;
static long vcap;

static bool share_object(const struct ev *a, const struct ev *b)
{
	struct touch ta[WEFT__MAX_TOUCH], tb[WEFT__MAX_TOUCH];
	int na = touches(a, ta), nb = touches(b, tb);

	for (int i = 0; i < na; i++)
		for (int j = 0; j < nb; j++)
			if (ta[i].obj == tb[j].obj)
				return true;
	return false;
}

/* Whether release r is on an object blocking step b waits on (its own,
 * or its second: the mutex a condition wait takes back), not merely on
 * the test's liveness or a heap block both touch. */
static bool waits_on(const struct ev *b, const struct ev *r)
{
	const void *ro[2] = { r->obj, r->obj2 }, *bo[2] = { b->obj, b->obj2 };

	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			if (ro[i] && ro[i] == bo[j])
				return true;
	return false;
}

/* The reversed order cannot run: e' was blocked right before e, its
 * thread took no step in between, and no step that stays before e' in the
 * reversed order touches its objects, so it is still blocked there. */
static bool infeasible(long e, long j, const struct ev *ep, int32_t prev)
{
	int t = ep->tid;

	if (!(ep->flags & EV_BLOCKING) || prev > e ||
	    weft__ts_has(&V->steps[e].enabled, t))
		return false;
	for (long k = e + 1; k < j; k++)
		if (!hb(e, C(k)) && share_object(&V->steps[k].ev, ep))
			return false;
	return true;
}

/* WEFT_ODPOR_DEBUG=1 prints every race and what became of it. */
int weft__odpor_race_debug = -1;

/* A thread asleep (or explored) at the decision before e that is a weak
 * initial of v: the reversal was explored from there already. */
static bool redundant(long e, const struct ev *v, long n)
{
	struct sleepset s = V->sleep_at(e);

	for (int i = 0; i < s.n; i++) {
		const struct ev *q = &s.e[i];
		long k;
		bool initial = true;
		for (k = 0; k < n && v[k].key != q->key; k++)
			if (weft__ev_dependent(&v[k], q)) {
				initial = false;
				break;
			}
		if (!initial)
			continue;
		if (k == n && (q->flags & EV_INHERITED))
			continue;
		if (k == n)
			return true;
		if (!weft__ev_same(&v[k], q))
			continue;
		if (debug > 0)
			fprintf(stderr, "    asleep: thread %d (access %d obj %p) at %ld\n",
				q->tid, q->access, q->obj, e);
		return true;
	}
	return false;
}

static void debug_race(long e, long j, const struct ev *v, long n,
		       const char *what)
{
	if (debug < 0)
		debug = getenv("WEFT_ODPOR_DEBUG") != NULL;
	if (!debug)
		return;
	fprintf(stderr, "  race %ld(t%d) < %ld(t%d): %s [", e,
		V->steps[e].ev.tid, j, v[n - 1].tid, what);
	for (long k = 0; k < n; k++)
		fprintf(stderr, " %d%s", v[k].tid,
			v[k].access == WEFT__ACC_WRITE  ? "w"
			: v[k].access == WEFT__ACC_READ ? "r"
							: "");
	fprintf(stderr, " ]\n");
}

void weft__odpor_reverse(long e, long j, const struct ev *ep)
{
	long n = 0;

	/* The split prefix tries every order already (split.c). */
	if (e < V->fixed)
		return;
	if (V->n + 1 > vcap) {
		vcap = V->n + 64;
		vbuf = grow(vbuf, sizeof *vbuf * (size_t)vcap);
	}
	for (long k = e + 1; k < V->n; k++)
		if (k != j && !hb(e, C(k)))
			vbuf[n++] = V->steps[k].ev;
	vbuf[n++] = *ep;
	/* Of v's steps only e' runs in another state than it did here:
	 * before e, whose write it read.  A conditional step may then
	 * succeed where it failed (a compare-exchange that read e's store),
	 * and write: against the threads asleep before e it counts as a
	 * write.  Taken as the read it was, a thread asleep there with a
	 * load of the same variable made the reversal look explored, and a
	 * bug behind a compare-exchange that succeeds only before another
	 * thread's add was verified (sound/cas_reversed_sleeper_*).  The
	 * tree gets the step as it ran: put there as a write, it cut the
	 * order of a tryrdlock that succeeds beside another reader before a
	 * writer (pthread/rw_tryrd_between_*; both from probes comparing
	 * dfs with random schedules). */
	if (ep->flags & EV_COND)
		vbuf[n - 1].access = WEFT__ACC_WRITE;
	bool covered = redundant(e, vbuf, n);
	vbuf[n - 1].access = ep->access;
	if (covered) {
		debug_race(e, j, vbuf, n, "asleep");
		return;
	}
	debug_race(e, j, vbuf, n, "insert");
	if (weft__wut_insert(V->node_at(e), vbuf, (int)n))
		inserted++;
	else
		debug_race(e, j, vbuf, n, "covered");
}

/* A step inside another thread's atomic section can only be preceded
 * as a whole section: the step that races for k. */
static long whole(long k)
{
	return V->steps[k].section >= 0 ? V->steps[k].section : k;
}

/* Whether weft__odpor_races_of takes up the race of predecessor k: as a
 * predecessor when no other one happens after it, else as an earlier
 * acquisition of the same object when it is not a predecessor at all.
 * A disabler that a later step of its own thread hides (a read of the
 * clock's domain after a del_timer or an hrtimer_cancel, whose step is
 * both) is neither, and its race is this file's to note: a use-after-free
 * behind a timer's cancel, a kfree and a read of jiffies was verified in
 * one schedule (a probe of kernel timers). */
/* Whether another immediate predecessor than k happens after k: then
 * that one's race stands for k's. */
static bool hidden(long k, const struct preds *p)
{
	for (int b = 0; b < p->n; b++)
		if (p->s[b] != k && hb(k, C(p->s[b])))
			return true;
	return false;
}

static bool taken_up(long k, const struct preds *p)
{
	bool listed = false;

	for (int a = 0; a < p->n; a++)
		listed |= p->s[a] == k;
	if (listed)
		return !hidden(k, p);
	for (int a = 0; a < p->nacq; a++)
		if (p->acq[a] == k)
			return true;
	return false;
}

/* A blocked step that was never enabled since its thread's step prev
 * (its start, or a step after which it was blocked at once, see
 * weft__odpor_disabler_race): what disabled it may have come before
 * prev, which the thread reached late.  Of each other thread, its last step before prev that
 * touches the step's objects and does not happen before prev could have
 * come after the step instead, with prev and the step moved before it: a
 * race (its earlier steps happen before that one, and the executions
 * that reverse it find theirs).  A worker started late by a timer's
 * handler found its delayed work cancelled already, and the order with
 * the worker started first, running the work on memory freed after the
 * cancel, was never tried (a use-after-free verified in 13 schedules; a
 * probe comparing the exhaustive search with random ones).  Every such
 * step of every thread, not the last, made the races of one execution
 * quadratic in its steps (a review's: 7 races became 16,793); and after
 * a later step of the thread's, on an object of its own, the ordinary
 * races on the blocked step's object stand for the rest (eight threads
 * taking a shared lock after a private one made seven such races at
 * every contended lock, 6.5 times the search's time). */
static void late_disablers(long j, const struct ev *ep, const struct preds *p,
			   int32_t prev)
{
	int t = ep->tid;
	weft__tset done = weft__ts_none();

	if (prev <= 0)
		return;
	for (long k = prev - 1; k >= V->fixed; k--) {
		int u = V->steps[k].ev.tid;
		bool before;
		if (u == t || weft__ts_has(&done, u))
			continue;
		/* Once one of u's steps happens before prev, all its earlier
		 * ones do. */
		before = hb(k, C(prev));
		if (!before && !share_object(&V->steps[k].ev, ep))
			continue;
		weft__ts_add(&done, u);
		if (!before && !taken_up(k, p))
			note_race(whole(k), j, t);
	}
}

/* A thread blocked at the end, or a blocking step that waited before it
 * ran, races with the step that disabled it: the last step of another
 * thread taken while it was enabled, when that step touches its objects.
 * The step that ran may have been enabled again by something else (a
 * workqueue being destroyed lets its idle workers run, a finished work
 * makes its worker the lowest idle one): the order where it ran before
 * it was disabled is still one to try.  Without this, two works of one
 * multi-worker queue never overlapped (a release that disables: the
 * first worker's work_done leaves the second idle) and their lost update
 * was verified in 21 schedules.  Its immediate predecessors need not include
 * that step: a later step on the same object, which found it blocked
 * already, hides it, and the race with that later one cannot be reversed
 * (infeasible).  Without this the order in which the thread ran before it
 * was disabled was never tried: a timer handler made runnable by mod_timer
 * and disarmed by del_timer, then kfree and one more timer call, was a
 * use-after-free verified in 2 schedules. */
/* Whether prev is thread t's first step (its start). */
static bool started_at(int t, int32_t prev)
{
	for (long k = prev - 1; k >= 0; k--)
		if (V->steps[k].ev.tid == t)
			return false;
	return true;
}

void weft__odpor_disabler_race(long j, const struct ev *ep,
			       const struct preds *p, int32_t prev)
{
	int t = ep->tid;
	long k = j - 1;

	/* A step that runs: only a blocking step can have been disabled on
	 * the way, and only when it waited (a step enabled right before it
	 * ran raced with its predecessors in the ordinary way). */
	if (j < V->n && !(ep->flags & EV_BLOCKING))
		return;
	while (k > prev && !weft__ts_has(&V->steps[k].enabled, t))
		k--;
	if (k <= prev) {
		if (started_at(t, prev))
			late_disablers(j, ep, p, prev);
		return;
	}
	/* Blocked from the moment it was reached, and enabled later: what
	 * disabled it came before prev, and the steps that enabled it again
	 * came after (they hide it).  A wait_for_completion reached after an
	 * init_completion of another thread had taken the previous round's
	 * count, which a complete() of that thread gave back, never ran
	 * before the init: a flush that found BUSY set before the
	 * completion's init and returned at once was verified (seed 000's
	 * shape, found by a probe of kernel driver patterns). */
	if (prev + 1 < j && !weft__ts_has(&V->steps[prev + 1].enabled, t))
		late_disablers(j, ep, p, prev);
	if ((j < V->n && k == j - 1) ||
	    V->steps[k].ev.tid == t || !share_object(&V->steps[k].ev, ep))
		return;
	if (taken_up(k, p))
		return;
	note_race(whole(k), j, t);
}

/* Whether release e enabled blocking step e' (whose thread's step before
 * it is prev), so that the two never race: e' could not run before e.
 * So when e' was pending at e, disabled there and enabled right after it
 * (a stop may have enabled it before, as kthread_stop an interruptible
 * wait: the order with the wait's return first was never run, and a
 * caller assuming it got the lock was verified; or a step on its other
 * object after it, as a wake_up_process a schedule_timeout whose second
 * object is the clock's domain).  When e' was not pending at e yet, only
 * for a release nothing else stands for (EV_SOLE: an unlock, a thread's
 * exit): a wait on a domain object shared by many things (the interrupt
 * lines', the deferred work's) was enabled all along by another line,
 * and the order with it first was never run.  Never for an interruptible
 * wait (EV_INTR), which a step on another object may enable at any time.
 * The clock's waits (run_timers, msleep) follow the rule as every other
 * wait: they were exempt, as always enabled by a timer handler's end, and
 * a sleeper woken while a handler (on another CPU) still ran was never
 * tried (kernel/msleep_handler_*).  The exemption had kept the orders of
 * a re-arming handler few; the handler's end is now a step on its timer's
 * own state (ext_timer.c), not on the clock's domain object. */
static bool release_enabled(long e, const struct ev *ep, int32_t prev)
{
	int t = ep->tid;

	if (ep->flags & EV_INTR)
		return false;
	if (prev > e)
		return (V->steps[e].ev.flags & EV_SOLE) != 0;
	return !weft__ts_has(&V->steps[e].enabled, t) &&
	       (e + 1 >= V->n || weft__ts_has(&V->steps[e + 1].enabled, t));
}

/* The races of step e' (index j, or j == n for a thread's next step at the
 * end) given its predecessors; cpo is its thread's clock before it. */
void weft__odpor_races_of(long j, const struct ev *ep, const uint32_t *cpo,
			  const struct preds *p, int32_t prev)
{
	int t = ep->tid;

	for (int a = 0; a < p->n; a++) {
		long e = p->s[a];
		int te = V->steps[e].ev.tid;
		bool direct = te != t && cpo[te] < C(e)[te];
		/* What a release enables could not run before it: a release
		 * of an object the blocking step waits on (its own, or the
		 * mutex a condition wait takes back).  A release that meets it
		 * only on the test's liveness (a thread's exit, which reads
		 * it, against a worker's taking of a work, which writes it)
		 * enabled nothing, and skipping that race hid the
		 * orders behind it: a softirq reaching a lock a process held
		 * was never tried (found by a probe of kernel deadlocks). */
		if ((V->steps[e].ev.flags & EV_RELEASE) &&
		    (ep->flags & EV_BLOCKING) &&
		    waits_on(ep, &V->steps[e].ev) &&
		    release_enabled(e, ep, prev))
			continue;
		if (!direct || hidden(e, p))
			continue;
		/* A step inside another thread's atomic section can only be
		 * preceded as a whole section. */
		e = whole(e);
		if (!infeasible(e, j, ep, prev))
			note_race(e, j, t);
	}
	for (int a = 0; a < p->nacq; a++) {
		long e = p->acq[a];
		int te = V->steps[e].ev.tid;
		bool listed = false;
		/* Inside another thread's atomic section, the race is with the
		 * section as a whole, and whether the step could have run
		 * there is asked at its entry: inside it no other thread is
		 * ever enabled, so asking at the acquisition itself found
		 * every such reversal infeasible and dropped it. */
		long at = whole(e);
		for (int a = 0; a < p->n; a++)
			listed |= p->s[a] == e;
		if (!listed && te != t && cpo[te] < C(e)[te] &&
		    !infeasible(at, j, ep, prev))
			note_race(at, j, t);
	}
}
