/* src/sched/livelock.c - livelock: every runnable thread spinning for
 * --spin-bound steps in a row, with nothing written in between, so that
 * nothing can change unless some loop gives up by itself. */
#include <string.h>

#include "sched.h"

/* Steps in a row with only spinners that make a livelock: --spin-bound,
 * but at most half of --max-steps, so that a spin that begins in the
 * first half of an execution is a livelock, not a step limit. */
static long spin_bound(void)
{
	long half = weft__opts.max_steps / 2;

	return weft__opts.spin_bound < half ? weft__opts.spin_bound : half;
}

/* The report names what each live thread keeps retrying or waits in, so
 * a reader sees the loop and what it waits for without the trace. */
_Noreturn static void livelock(const char *why)
{
	struct weft__exec *X = weft__X;
	int tid = X->last_tid >= 0 ? X->last_tid : 0;
	struct weft__op *op = X->th[tid].pending;

	/* A timer stopped by its refire cap would run again in the kernel:
	 * the spin may be waiting for it. */
	if (X->bound_held)
		weft__limit("timer-refire-bound", op ? op->loc : NULL,
			    "threads spin while a timer that re-armed itself "
			    "WEFT_TIMER_REFIRE_CAP times in a row (a FreeBSD "
			    "callout: one that fired max_fires times) is stopped "
			    "(weft's cap on such runs): a wait for its next "
			    "run, not necessarily a livelock");
	for (int i = 0; i < X->nthreads; i++) {
		struct weft__thread *t = &X->th[i];
		char buf[512] = "";
		bool enabled;
		if (t->state != TS_LIVE || !t->pending)
			continue;
		enabled = weft__thread_enabled(i);
		if (!enabled && t->pending->waitdesc) {
			t->pending->waitdesc(t->pending, buf, sizeof buf);
			weft__note_blocked(i);
		}
		weft__fail_detail(
			"thread %s %s %s(%s) at %s:%d%s%s", t->name,
			enabled ? "keeps retrying" : "waits in",
			t->pending->name,
			t->pending->objname ? t->pending->objname : "",
			t->pending->loc ? t->pending->loc->file : "?",
			t->pending->loc ? t->pending->loc->line : 0,
			buf[0] ? " for " : "", buf);
	}
	for (uint64_t m = X->outside_done; m; m &= m - 1) {
		const char *ab = sigabbrev_np(__builtin_ctzll(m));
		weft__fail_detail("SIG%s came from outside (weft sent it once "
				  "every thread spun), and the spin went on",
				  ab ? ab : "?");
	}
	weft__fail(WEFT__K(LIVELOCK), op ? op->loc : NULL, "%s", why);
}

#define OUTSIDE_NOTE 0x4f55545349444500ull

/* A loop that waits for a signal from outside (`while (!stop) sleep(1)`
 * until Ctrl-C) spins until it comes: weft sends it then, as the user
 * would, and the program's way out of the loop is run too (a livelock
 * was reported).  Sent only there, so the verdict says so. */
bool weft__livelock_outside(struct weft__exec *X)
{
	int sig;
	const char *ab;

	if (!X->outside_sigs)
		return false;
	sig = __builtin_ctzll(X->outside_sigs);
	X->outside_sigs &= X->outside_sigs - 1;
	X->outside_done |= (uint64_t)1 << sig;
	/* One signal at a time (the next step's end takes it, before any
	 * other spin is counted), beside the flag of one due to a chosen
	 * thread. */
	X->outside_now = (X->outside_now & WEFT__SIG_DUE) | sig;
	weft__livelock_reset(X);
	ab = sigabbrev_np(sig);
	weft__verdict_note(
		OUTSIDE_NOTE + (uint64_t)sig,
		weft__internf("SIG%s, which the program has a handler for and "
			      "no thread sends, came from outside the process "
			      "(a Ctrl-C, a kill) once every thread spun "
			      "waiting; weft sends it at no other time",
			      ab ? ab : "?"));
	return true;
}

/* Steps of a spin after which a thread spinning while no other thread
 * can run goes on alone (weft__livelock_lone): a few rounds of its loop,
 * enough to tell the loop's places (lone.c), at most the bound. */
#define LONE_AFTER 64

/* No spin goes on: its counts, its loop's places and its clock's jump
 * start again. */
void weft__livelock_reset(struct weft__exec *X)
{
	X->spin_steps = 0;
	X->lone_polls = 0;
	X->lone_jumped = false;
	X->n_lone_sites = -1;
	weft__lone_clock_reads = 0;
	weft__lone_jump = 0;
}

long long weft__lone_clock_read(void)
{
	long long d;

	if (!weft__lone_step && !weft__spin_wait)
		return 0;
	d = 1000000 + weft__lone_jump;
	weft__lone_jump = 0;
	weft__lone_clock_reads++;
	return d;
}

bool weft__unfair_step_take(void)
{
	bool was = weft__unfair_step;

	weft__unfair_step = false;
	return was;
}

bool weft__enabled_with(weft__ready_fn ready)
{
	const struct weft__exec *X = weft__X;

	for (int i = 0; i < X->nthreads; i++)
		if (i != X->cur && weft__ts_has(&X->enabled, i) &&
		    X->th[i].pending && X->th[i].pending->ready == ready)
			return true;
	return false;
}

/* How far every runnable thread has spun, in steps in a row: 0 not at
 * all (or not yet LONE_AFTER), 1 long enough to go on alone if it is
 * alone, 2 more than --spin-bound, a livelock unless it is alone. */
int weft__livelock_check(struct weft__exec *X)
{
	long b = spin_bound();

	if (X->n_spinning != X->n_enabled) {
		/* Nothing a spin counts changes before its first step (the
		 * lone rounds and clock reads all come after it): without
		 * one there is nothing to reset, at nearly every step. */
		if (X->spin_steps)
			weft__livelock_reset(X);
		return 0;
	}
	if (++X->spin_steps == 1)
		X->spin_from = X->nsteps;
	return X->spin_steps > b ? 2 : X->spin_steps > (b < LONE_AFTER ? b : LONE_AFTER);
}

/* A thread spinning while no other thread can run is running alone: no
 * other thread can take a step until it writes something, so its spin
 * involves no choice, and a loop that gives up by itself after a
 * counted number of rounds (try a flag 50,000 times, then do without) is
 * no livelock.  It goes on for up to 100 times --spin-bound further
 * polls, not recorded as steps; true while it may. */
bool weft__livelock_lone(struct weft__exec *X)
{
	if (X->lone_polls >= 100 * (long)spin_bound())
		return false;
	X->lone_polls++;
	return true;
}

/* What to raise for more rounds of threads that spin together:
 * --spin-bound, unless half of --max-steps cut it (a --spin-bound above
 * that was lowered without a word, and the advice to raise it changed
 * nothing; a probe of the command line).  A lone spinner's polls are no
 * steps, and its bound is --spin-bound itself. */
static const char *raise_hint(void)
{
	return spin_bound() < weft__opts.spin_bound
		       ? "--max-steps: --spin-bound counts at most half of it"
		       : "--spin-bound";
}

_Noreturn void weft__livelock_report(struct weft__exec *X, bool lone)
{
	if (lone)
		livelock(weft__internf(
			"a thread has been spinning for %ld polls while no "
			"other thread could run (the trace draws the first of "
			"them as steps), reading nothing new: it waits "
			"for what no thread left will do (a loop that gives up "
			"by itself after more rounds is no livelock: raise "
			"--spin-bound)",
			X->spin_steps));
	livelock(weft__internf(
		"every runnable thread has been spinning for %ld steps "
		"without any thread making progress (a loop that gives up "
		"by itself after more rounds is no livelock: raise %s)",
		spin_bound(), raise_hint()));
}
