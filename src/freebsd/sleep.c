/* src/freebsd/sleep.c - msleep(9), tsleep, msleep_spin, sx_sleep,
 * rw_sleep, wakeup, wakeup_one.
 *
 * A wait channel is any address.  Sleeping takes two steps on the channel:
 * the first puts the thread on the channel's sleep queue (while it still
 * holds the interlock, so a wakeup that follows the caller's unlock cannot
 * be lost), the second returns once the thread was woken.  Between them
 * the interlock (and Giant) is released, as msleep does.  Both steps and
 * wakeup are writes of the channel, so partial-order reduction orders
 * every sleeper against every waker, and the waker's past happens before
 * the sleeper's return.
 *
 * A sleep with a timeout (timo > 0) is enabled from the start: returning
 * before any wakeup is the timeout, so when the timeout fires is decided
 * by the explorer like every other interleaving.  A timeout is the clock
 * reaching the sleep's deadline, so when one ends a sleep the virtual
 * ticks move on to that deadline if they are not there yet; a callout due
 * earlier that has not fired yet then fires late, as behind a busy
 * softclock. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "freebsd/bsd.h"
#include <weft/klock.h>

static bool sleep_ready(const struct weft__op *op)
{
	const struct bsd_thread *t = op->arg;

	return t->woken;
}

static int sleep_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "a wakeup on channel %s", op->objname);
	return -1;
}

/* The interlock rules of msleep and msleep_spin. */
static void check_interlock(const struct weft_bsd_mtx *m, int spin,
			    const char *opname, const struct weft_loc *loc)
{
	const char *name;

	if (m->magic != WEFT_BSD_MTX_MAGIC)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s with an interlock that was never initialised",
			   opname);
	name = weft__bsd_mtx_name(m);
	if (spin && !(m->opts & WEFT_BSD_MTX_SPIN))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s with sleep mutex %s as interlock (use msleep)",
			   opname, name);
	if (!spin && (m->opts & WEFT_BSD_MTX_SPIN))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s with spin mutex %s as interlock (use "
			   "msleep_spin)",
			   opname, name);
	if (!weft_bsd_mtx_owned(m))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s with interlock %s, which the caller does not "
			   "hold",
			   opname, name);
	if (m != &weft_bsd_giant && weft_bsd_mtx_recursed(m))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s with interlock %s held recursively", opname,
			   name);
}

int weft_bsd_msleep_at(const void *chan, struct weft_bsd_mtx *m, int pri,
		       const char *wmesg, int timo, int spin,
		       const struct weft_loc *loc)
{
	return weft_bsd_sleep_as_at(NULL, chan, m, pri, wmesg, timo, spin,
				    loc);
}

/* A sleep's interlock: a mutex (msleep, msleep_spin, cv_wait), a kernel
 * lock held exclusively or shared (sx_sleep, rw_sleep), or none. */
struct interlock {
	struct weft_bsd_mtx *m;
	struct weft_klock *kl;
	int shared, spin;
};

static void il_drop(const struct interlock *il, const struct weft_loc *loc)
{
	if (il->m && il->m != &weft_bsd_giant)
		weft__bsd_unlock(il->m, il->spin ? "mtx_unlock_spin"
						 : "mtx_unlock", loc);
	else if (il->kl && il->shared)
		weft_klock_read_unlock(il->kl, loc);
	else if (il->kl)
		weft_klock_unlock(il->kl, loc);
}

static void il_take(const struct interlock *il, const char *opname,
		    const struct weft_loc *loc)
{
	if (il->m && il->m != &weft_bsd_giant) {
		if (il->m->magic != WEFT_BSD_MTX_MAGIC)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s: interlock %s was destroyed while the "
				   "caller slept",
				   opname, weft__bsd_mtx_name(il->m));
		weft__bsd_lock(il->m, il->spin ? "mtx_lock_spin" : "mtx_lock",
			       loc);
	} else if (il->kl && il->shared) {
		weft_klock_read(il->kl, loc);
	} else if (il->kl) {
		weft_klock_lock(il->kl, loc);
	}
}

/* Whether a signal interrupts this PCATCH sleep (EINTR or ERESTART, as
 * sleep(9) and condvar(9) say a caught signal returns), or 0: a choice
 * the explorer makes in the step that put the caller on the sleep queue,
 * adding no step of its own.  Code that ignores the error (consumes an
 * item that is not there) was verified, as signals never came (a FreeBSD
 * probe).  One signal per thread and execution: the kernel keeps a
 * signal pending until the thread returns to user space, so a loop that
 * sleeps again would be interrupted at once, every time, which is a busy
 * wait weft does not explore.  Sleeps without PCATCH make no choice, and
 * neither does a lone spin's round, which has no place for one.  The
 * caller sets t->signalled when it returns the error. */
int weft__bsd_signal_choice(const struct bsd_thread *t, int pri)
{
	if (!(pri & WEFT_BSD_PCATCH) || t->signalled || weft__lone_step)
		return 0;
	switch (weft__choose_here(3)) {
	case 1:
		return EINTR;
	case 2:
		return WEFT_BSD_ERESTART;
	default:
		return 0;
	}
}

static int sleep_on(const char *opname, const void *chan,
		    const struct interlock *il, int pri, int timo,
		    const struct weft_loc *loc)
{
	struct bsd_thread *t = weft__bsd_self();
	struct weft__op op;
	const char *cname;
	int giant, rv, deadline = 0, intr;
	bool polling;

	if (!chan)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on a NULL wait channel", opname);
	/* _sleep asserts (INVARIANTS) that an untimed sleep has a lock
	 * that orders it with its waker: an interlock or Giant.  Without
	 * one it panics even when no wakeup could be lost (verified once, a
	 * FreeBSD probe). */
	if (timo == 0 && !il->m && !il->kl &&
	    !weft_bsd_mtx_owned(&weft_bsd_giant))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s without a timeout, an interlock or Giant: "
			   "sleeping without a lock", opname);
	/* PDROP needs a lock to drop that is not Giant (_sleep's and
	 * _cv_wait_unlock's assertions): Giant is dropped and taken back
	 * by the sleep machinery itself. */
	if ((pri & WEFT_BSD_PDROP) && !il->kl &&
	    (!il->m || il->m == &weft_bsd_giant))
		weft__fail(WEFT__K(MISUSE), loc,
			   strcmp(opname, "cv_wait_unlock") == 0
				   ? "%s cannot be used with Giant"
				   : "%s with PDROP requires a non-Giant lock",
			   opname);
	/* msleep passes tick_sbt * timo to _sleep, and callout_when
	 * (C_HARDCLOCK) raises anything below one tick to one tick: a
	 * negative timeout is a one-tick sleep, not misuse, as a deadline
	 * that passed gives (a false alarm of a FreeBSD probe). */
	if (timo < 0)
		timo = 1;
	if (il->m)
		check_interlock(il->m, il->spin, opname, loc);
	/* A kernel lock as interlock is let go before the check: holding
	 * it is what the call is for, another rw lock held is misuse. */
	if (!il->kl)
		weft__bsd_may_sleep(opname, il->m, loc);
	cname = weft__objname(chan, "chan");

	/* A timed sleeper back from a timeout with nothing written since is
	 * in a round of its retry loop: its own steps here (joining the
	 * queue, the interlock's release and retake) are no news to the
	 * threads that poll, as in a timed condition wait (sync/cond.c). */
	polling = timo > 0 && weft__self_spinning();

	/* Join the sleep queue while the interlock is still held. */
	op = (struct weft__op){ .name = opname, .obj = chan, .objname = cname,
				.access = WEFT__ACC_WRITE, .loc = loc };
	weft__visible(&op);
	weft__step_no_progress(polling);
	t->chan = chan;
	t->woken = false;
	t->sleepseq = ++weft__bsd()->seq;
	/* The deadline in ticks, computed as the kernel's wrapping int
	 * (through unsigned, which wraps without undefined behaviour). */
	if (timo > 0)
		deadline = (int)((unsigned)weft_bsd_ticks + (unsigned)timo);
	intr = weft__bsd_signal_choice(t, pri);

	il_drop(il, loc);
	if (il->kl)
		weft__bsd_may_sleep(opname, NULL, loc);
	giant = weft__bsd_drop_giant(loc);
	weft__step_no_progress(polling);

	/* An untimed sleep blocks until woken.  A timed one is always
	 * enabled (no ready()), so the reduction orders its return both
	 * before and after every wakeup, not only after the one that
	 * enabled it.  It is marked timed, as a timed condition wait is:
	 * fair scheduling counts no thread parked there as one that could
	 * run by itself, so it runs the thread that can wake it, and a
	 * correct `while (!cond) msleep(..., hz)` loop verifies, where the
	 * explorer fired the timeout for ever and the loop ended at the step
	 * limit (a helper's FreeBSD probe). */
	op = (struct weft__op){ .name = opname, .obj = chan, .objname = cname,
				.access = WEFT__ACC_WRITE,
				.ready = timo > 0 || intr ? NULL : sleep_ready,
				.timed = timo > 0,
				.waitdesc = sleep_desc, .arg = t, .loc = loc };
	weft__visible(&op);
	rv = t->woken ? 0 : intr ? intr : EWOULDBLOCK;
	weft__step_note(t->woken ? "woken"
			: intr   ? "interrupted by a signal"
				 : "timed out");
	/* A wakeup that came first wins, as sleepq_check_signals reports
	 * no signal to a thread woken before the signal aborted its sleep:
	 * the thread's one signal is still to come. */
	if (rv == intr && intr) {
		t->signalled = true;
		intr = 0;
	}
	/* msleep(9) returns EWOULDBLOCK once timo ticks have passed: the
	 * clock must show it, or a loop that sleeps until `ticks` reaches a
	 * deadline never ends (a false livelock of `while (ticks < end)
	 * pause(...)`) and one that gives up at a deadline never does (a
	 * missed timeout was verified; both found by a FreeBSD probe). */
	if (rv == EWOULDBLOCK &&
	    (int)((unsigned)weft_bsd_ticks - (unsigned)deadline) < 0)
		weft_bsd_ticks = deadline;
	t->chan = NULL;
	t->woken = false;

	weft__bsd_pickup_giant(giant, loc);
	if (!(pri & WEFT_BSD_PDROP))
		il_take(il, opname, loc);
	/* A timed-out sleeper that loops to sleep again is polling; let
	 * the explorer prefer the threads that can change its condition. */
	weft__step_no_progress(rv != 0);
	if (rv)
		weft__spun();
	return rv;
}

int weft_bsd_sleep_as_at(const char *name, const void *chan,
			 struct weft_bsd_mtx *m, int pri, const char *wmesg,
			 int timo, int spin, const struct weft_loc *loc)
{
	const char *opname = name ? name
			     : spin ? "msleep_spin"
			     : m    ? "msleep"
				    : "tsleep";
	struct interlock il = { .m = m, .spin = spin };

	(void)wmesg;
	return sleep_on(opname, chan, &il, pri, timo, loc);
}

int weft_bsd_lock_sleep_at(const char *name, const void *chan,
			   struct weft_klock *l, int shared, int pri,
			   const char *wmesg, int timo,
			   const struct weft_loc *loc)
{
	struct interlock il = { .kl = l, .shared = shared };

	(void)wmesg;
	if (!weft_klock_held(l))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s with an interlock the caller does not hold",
			   name);
	/* FreeBSD's unlock_sx and unlock_rw assert it is not recursed: one
	 * level let go would leave the sleeper holding it. */
	if (!shared && l->depth > 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s with interlock %s held recursively", name,
			   l->name ? l->name : "(unnamed)");
	return sleep_on(name, chan, &il, pri, timo, loc);
}

/* Whether a wakeup of chan would wake t: it sleeps there, not woken yet. */
static bool wakeable(const struct bsd_thread *t, const void *chan)
{
	return t->chan == chan && !t->woken;
}

/* Whether a wakeup of op->obj now is a release: it wakes a sleeper, and
 * no sleeper of the channel is woken already and not yet back.  A release
 * may only enable what was disabled before it (op.h); one woken earlier
 * could return before this wakeup as well as after, and the order where it
 * returns first (it finds its condition false and sleeps again, now
 * behind the others, which a wakeup_one then picks) was never tried: a
 * lost wakeup of two conditions on one cv with cv_signal was verified (a
 * FreeBSD probe). */
static bool wakes_someone(const struct weft__op *op)
{
	struct bsd_state *s = weft__bsd();
	bool wakes = false;

	for (int i = 0; i < weft__nthreads() && i < WEFT__MAX_THREADS; i++) {
		const struct bsd_thread *t = &s->th[i];
		if (t->chan == op->obj && t->woken)
			return false;
		wakes |= wakeable(t, op->obj);
	}
	return wakes;
}

/* Wake the sleepers of chan: all of them, or the one that has slept
 * longest (FreeBSD wakes the longest sleeper among equal priorities). */
static void do_wakeup(const void *chan, bool one, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct bsd_thread *first = NULL;
	/* A release when it wakes a sleeper, which cannot return before it.
	 * One that finds every sleeper woken already enables nothing: as a
	 * release, a sleeper's return after it was never reordered before
	 * it, and no order had a sleeper woken by an earlier wakeup take its
	 * mutex back before the waker's next section (two consumers that
	 * test with if, not while, were verified in 20 schedules; found by
	 * a probe of the FreeBSD models). */
	struct weft__op op = { .name = one ? "wakeup_one" : "wakeup",
			       .obj = chan,
			       .objname = weft__objname(chan, "chan"),
			       .access = WEFT__ACC_WRITE, .release = true,
			       .release_now = wakes_someone, .loc = loc };
	int n = 0;

	if (!chan)
		weft__fail(WEFT__K(MISUSE), loc, "%s on a NULL wait channel",
			   op.name);
	weft__visible(&op);
	for (int i = 0; i < weft__nthreads() && i < WEFT__MAX_THREADS; i++) {
		struct bsd_thread *t = &s->th[i];
		if (!wakeable(t, chan))
			continue;
		if (!one) {
			t->woken = true;
			n++;
		} else if (!first || t->sleepseq < first->sleepseq) {
			first = t;
		}
	}
	if (first) {
		first->woken = true;
		n = 1;
	}
	weft__step_note(n ? "woke" : "no sleepers");
}

void weft_bsd_wakeup_at(const void *chan, const struct weft_loc *loc)
{
	do_wakeup(chan, false, loc);
}

void weft_bsd_wakeup_one_at(const void *chan, const struct weft_loc *loc)
{
	do_wakeup(chan, true, loc);
}

/* cv_destroy: under INVARIANTS it looks the cv up on the sleep queues
 * and asserts that nobody sleeps there ("associated sleep queue
 * non-empty").  A step on the cv's channel, so the search orders it
 * against every sleeper's joining and leaving; a thread already woken
 * has left the queue (sleepq_resume_thread takes it off), one whose
 * timeout has not fired yet has not. */
void weft_bsd_cv_destroy_at(const void *cv, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct weft__op op = { .name = "cv_destroy", .obj = cv,
			       .objname = weft__objname(cv, "cv"),
			       .access = WEFT__ACC_WRITE, .loc = loc };

	if (!cv)
		weft__fail(WEFT__K(MISUSE), loc, "cv_destroy of a NULL cv");
	weft__visible(&op);
	for (int i = 0; i < weft__nthreads() && i < WEFT__MAX_THREADS; i++)
		if (wakeable(&s->th[i], cv))
			weft__fail(WEFT__K(MISUSE), loc,
				   "cv_destroy of %s while %s sleeps on it: "
				   "associated sleep queue non-empty",
				   op.objname, weft__thread_name(i));
}
