/* src/explore/strategy.c - choosing a strategy, and "auto", the default.
 *
 * auto runs the exhaustive search, what "dfs" means (the optimal DPOR of
 * odpor.c, or the bounded search of dfs.c when --preemption-bound is
 * given), for at most half of the budget, whichever of --iterations and
 * --time-limit binds first: a test it finishes is verified for every
 * interleaving (within the bound).  If it has not finished by then, the rest of the budget
 * goes to PCT, whose probabilistic guarantee does not depend on the size
 * of the state space, and the verdict says so ("dfs+pct", pass).
 *
 * A search (auto's or dfs's) that finished but was cut by the fairness
 * bound (a spinner ran on while the others should have run, more than
 * --fair-bound times) goes on with the bound doubled, unless the user
 * gave it: a retry loop that gives up after a few tries is then covered
 * too.  The deeper rounds together may run at most DEEPEN_FACTOR times
 * the executions of the first, or DEEPEN_MIN_EXTRA (so deepening costs a
 * bounded factor of the first round, or little), and must end within the
 * exhaustive half of the budget; a round that does not, or that a limit
 * of weft cuts, is abandoned, and the verification is the last complete
 * round's, at its bound.  The bounds are counts of
 * executions, not time, so the verdict does not depend on the machine. */
#include <stdio.h>
#include <string.h>

#include "explore/explore.h"

bool weft__restart_pending;

/* A step listener: the strategy's bookkeeping of the step thread tid
 * takes (DPOR's races and sleep sets). */
void weft__explore_step(int tid, const struct weft__op *op)
{
	if (weft__strat->step && !weft__lone_step)
		weft__strat->step(tid, op);
}

void weft__points_changed(void)
{
	weft__restart_pending = true;
}

/* The exhaustive strategy that "dfs" means: the optimal DPOR without a
 * preemption bound, the bounded search with one. */
static const struct weft__strategy *dfs_kind(void)
{
	return weft__opts.preemption_bound < 0 ? &weft__strategy_odpor
					       : &weft__strategy_dfs;
}

static const struct weft__strategy *inner;
static bool switched;
/* The bounded phase between the two halves ran (see auto_begin). */
static bool bounded_ran;
/* The exhaustive strategy auto ran first (inner becomes PCT later). */
static const struct weft__strategy *exh;
static double started;

/* Deepening the fairness bound: the largest bound tried; the bound of
 * the last round that completed; whether a deeper round runs, or one was
 * abandoned; the executions (of all rounds) the deeper ones must end by. */
#define DEEPEN_MAX 64
#define DEEPEN_FACTOR 3
#define DEEPEN_MIN_EXTRA 20000
static int done_fb = -1;
static bool deepening, abandoned;
static long deepen_end;
/* The seconds earlier rounds took, when this process runs a deeper round
 * of a search in parts (the parent runs the rounds: src/cli/jobs.c). */
static double secs_before;

/* Half of the execution budget is spent. */
static bool half_budget(void)
{
	return weft__opts.iterations > 0 &&
	       weft__explore_budget_used() >= weft__opts.iterations / 2;
}

/* Half of the execution budget or half of the time budget is spent. */
static bool half_spent(void)
{
	double limit = weft__opts.time_limit;

	if (half_budget())
		return true;
	return limit > 0 && weft__now_coarse() - started >= limit / 2;
}

#define SWITCH_NOTE 0x5357495443484e54ull

/* The exhaustive half gave way to PCT at half of --iterations, long
 * before the time limit: a program whose search ends in "pass (budget
 * spent)" after a second or two may well verify given the executions
 * (a probe of lock-free queues: pass in 1.5 s of 60, verified in 2 to
 * 51 s with --iterations=0).  The verdict says how to let it. */
static void switch_note(void)
{
	if (!half_budget())
		return;
	weft__verdict_note(
		SWITCH_NOTE,
		weft__internf("the exhaustive search had not ended at half of "
			      "the --iterations=%ld budget, and %s sampled "
			      "the rest; --iterations=0 lets it run on, to a "
			      "verification or to --time-limit",
			      weft__opts.iterations,
			      bounded_ran ? "a preemption-bounded search and "
					    "PCT"
					  : "PCT"));
}

#define NO_SPURIOUS_NOTE 0x5350555249485354ull

/* The exhaustive half gave way to PCT in a program whose condition (or
 * futex) waits woke spuriously: each such wakeup is a branch at every
 * wait, which multiplies the schedules (a probe's thread pool of 2
 * workers and 2 tasks: not done in 30 s; with --no-spurious verified in
 * 4.5 s after 184,595 executions).  The verdict says how to leave them
 * out, and what a verification then covers. */
static void spurious_note(void)
{
	if (!weft__opts.spurious ||
	    !(weft__verdict_noted(WEFT__NOTE_COND_WAKEUP) ||
	      weft__verdict_noted(WEFT__NOTE_FUTEX_WAKEUP)))
		return;
	weft__verdict_note(
		NO_SPURIOUS_NOTE,
		"spurious wakeups (POSIX allows them, and weft explores one "
		"per waiting thread and execution) multiply the schedules; "
		"--no-spurious leaves them out, and its search may end (a "
		"verification then holds for wakeups by a signal or a timeout "
		"only)");
}

#define AUTO_BOUND 1

/* Three quarters of the budget (executions or time) are spent. */
static bool three_quarters_spent(void)
{
	double limit = weft__opts.time_limit;

	if (weft__opts.iterations > 0 &&
	    weft__explore_budget_used() >= weft__opts.iterations / 4 * 3)
		return true;
	return limit > 0 && weft__now_coarse() - started >= limit / 4 * 3;
}

#define BOUNDED_NOTE 0x424f554e44454450ull

/* The bounded phase (see bounded_phase): whether one of its searches
 * ended, and the fairness bound that cut the last one (-1: none); the
 * unbounded search's fairness bound, which the phase's deepening changes
 * and gives back. */
static bool bounded_done;
static int bounded_fb = -1, saved_fb;

/* What the bounded phase covered: a claim at its bounds, stated as
 * such. */
static void bounded_note(void)
{
	if (!bounded_done)
		return;
	weft__verdict_note(
		BOUNDED_NOTE,
		weft__internf("after the unbounded search's half, every schedule "
			      "with at most %d preemption%s%s ran with no bug "
			      "(a bounded search); PCT sampled the rest",
			      AUTO_BOUND, AUTO_BOUND == 1 ? "" : "s",
			      bounded_fb < 0
				      ? ""
				      : weft__internf(
						" and %d unfair spin "
						"continuation%s",
						bounded_fb,
						bounded_fb == 1 ? "" : "s")));
}

/* The exhaustive half did not end: a preemption-bounded search (dfs.c,
 * bounds 0 to AUTO_BOUND, the fairness bound doubled after each complete
 * search it cut, as the unbounded one deepens) runs until three quarters
 * of the budget are spent, then PCT.  The unbounded search's depth-first
 * order changes the last decisions first, and PCT's chance of one
 * preemption at one step of thousands is small: SV-COMP's
 * divinefifo-bug_1w1r, whose bug needs one preemption among 155 steps
 * and a spin of a few rounds, passed 450,000 executions (PCT and random
 * 1.4 million more), where the bounded search finds it at its 14,120th
 * (bound 2 at the first fairness bound spent 125,000 without it).  Bugs
 * that need few preemptions are most of them (Musuvathi and Qadeer).
 * One process only: the parts of a split search (--jobs, --shard) share
 * the unbounded search's split, and go on to PCT as before. */
static bool bounded_phase(void)
{
	if (weft__split_active() || weft__opts.preemption_bound >= 0 ||
	    three_quarters_spent())
		return false;
	weft__dfs_preset_bound(AUTO_BOUND);
	saved_fb = weft__opts.fair_bound;
	inner = &weft__strategy_dfs;
	bounded_ran = true;
	return true;
}

/* The bounded search's next execution: false when the phase is over. */
static bool bounded_begin(void)
{
	if (three_quarters_spent())
		return false;
	if (inner->begin())
		return true;
	if (!weft__dfs_complete())
		return false;
	bounded_done = true;
	bounded_fb = weft__dfs_fair_bound();
	if (bounded_fb < 0 || weft__opts.fair_bound_set ||
	    weft__opts.fair_bound < 0 || weft__opts.fair_bound >= DEEPEN_MAX)
		return false;
	weft__opts.fair_bound *= 2;
	weft__restart_pending = true;
	return inner->begin();
}

static bool auto_begin(void)
{
	/* Its exhaustive half is what "dfs" means: bounded when the user
	 * gave --preemption-bound (which it once ignored, running the
	 * unbounded search a bounded verification did not need). */
	if (!inner) {
		inner = exh = dfs_kind();
		started = weft__now() - secs_before;
	}
	if (deepening && half_spent()) {
		weft__strategy_abandon_round();
		return false;
	}
	if (abandoned)
		return false;
	if (inner != &weft__strategy_pct && !switched && half_spent()) {
		/* A search that has just run its last schedule is a
		 * verification, not half a budget spent: a program of one
		 * long schedule (40 s of a 60 s budget) was switched to PCT,
		 * whose run of it again hit the time limit (a probe's
		 * inconclusive). */
		if (inner == &weft__strategy_odpor && weft__odpor_exhausted())
			return inner->begin(); /* its give-up probes, if any */
		switched = true;
		if (!bounded_phase())
			inner = &weft__strategy_pct;
		switch_note();
		spurious_note();
	}
	if (inner == &weft__strategy_dfs && switched) {
		if (bounded_begin())
			return true;
		bounded_note();
		weft__opts.fair_bound = saved_fb;
		inner = &weft__strategy_pct;
	}
	return inner->begin();
}

static int auto_pick(const struct weft__decision *d)
{
	return inner->pick(d);
}

static int auto_value(int n)
{
	return inner->value(n);
}

static void auto_end(enum exec_result r)
{
	inner->end(r);
}

static const struct weft__strategy strategy_auto = {
	.name = "auto", .begin = auto_begin, .pick = auto_pick,
	.value = auto_value, .end = auto_end, .exhaustive = true,
	.parts = WEFT__PARTS_SPLIT, /* its PCT half by seeds */
};

static const struct weft__strategy *const all[] = {
	&strategy_auto,
#define WEFT__STRATEGY(name) &weft__strategy_##name,
#include "strategies.def"
#undef WEFT__STRATEGY
};
#define NALL (sizeof all / sizeof all[0])

const struct weft__strategy *weft__strategy_get(const char *name)
{
	if (strcmp(name, "dfs") == 0)
		return dfs_kind();
	for (size_t i = 0; i < NALL; i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}

/* "auto, dfs, random, ..." for the usage and for errors: each name once,
 * in the table's order. */
const char *weft__strategy_names(void)
{
	static char buf[256];
	size_t n = 0;

	if (buf[0])
		return buf;
	for (size_t i = 0; i < NALL; i++) {
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen |= strcmp(all[j]->name, all[i]->name) == 0;
		if (!seen)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
					      n ? ", " : "", all[i]->name);
		if (n >= sizeof buf)
			weft__die("strategy names longer than %zu", sizeof buf);
	}
	return buf;
}

void weft__strategy_setup(const char *name)
{
	weft__strat = weft__strategy_get(name);
	if (!weft__strat)
		weft__die("unknown strategy %s", name);
}

/* What actually ran, for the report: "auto" becomes "dfs" or "dfs+pct". */
const char *weft__strategy_ran(void)
{
	if (weft__strat == &strategy_auto)
		return !switched      ? "dfs"
		       : bounded_ran ? "dfs+bounded+pct"
				     : "dfs+pct";
	return weft__strat->name;
}

/* The default strategy's exhaustive half ended without verifying (a limit
 * of weft cut some execution): its random half runs now.  False for the
 * other strategies, and once it switched. */
bool weft__strategy_fall_back(void)
{
	if (weft__strat != &strategy_auto || switched)
		return false;
	inner = &weft__strategy_pct;
	switched = true;
	return true;
}

/* The bound of the round after one at fair bound fb that finished clean
 * but cut, after runs executions in all rounds; *end is the allowance of
 * the deeper rounds (0: not set yet, set here from the first round's
 * runs).  -1 when there is no deeper round: the user gave the bound, it
 * is at its largest, or the allowance is spent. */
int weft__deepen_next(int fb, long runs, long *end)
{
	if (weft__opts.fair_bound_set || fb < 0 || fb >= DEEPEN_MAX)
		return -1;
	/* The deeper rounds together may run DEEPEN_FACTOR times the first
	 * round's executions, and at least DEEPEN_MIN_EXTRA (a few tenths of
	 * a second at most): a small first round left too little to reach
	 * the bound of a retry loop of a few tries in each of a few
	 * threads.  20,000: a kernel poller that counts its rounds, each a
	 * sleep that yields (kernel/sleep_rounds_bug.c), has its bug at the
	 * bound of 4, which the 8,497th execution of that round reaches. */
	if (*end == 0) {
		long extra = DEEPEN_FACTOR * runs;
		*end = runs + (extra < DEEPEN_MIN_EXTRA ? DEEPEN_MIN_EXTRA
						       : extra);
	}
	if (runs >= *end)
		return -1;
	return fb * 2 > DEEPEN_MAX ? DEEPEN_MAX : fb < 1 ? 1 : fb * 2;
}

/* The exhaustive search finished clean, after runs executions in all:
 * if it was cut by the fairness bound, start a deeper round (see the
 * opening comment).  False when there is none to run. */
bool weft__strategy_deepen(long runs)
{
	int next;
	bool exhaustive = weft__strat == &strategy_auto
				  ? !switched
				  : weft__strat->exhaustive;

	if (!exhaustive || abandoned || weft__explore_fair_bound() < 0)
		return false;
	next = weft__deepen_next(weft__opts.fair_bound, runs, &deepen_end);
	if (next < 0)
		return false;
	done_fb = weft__opts.fair_bound;
	weft__opts.fair_bound = next;
	deepening = true;
	weft__restart_pending = true;
	return true;
}

/* This process runs a deeper round of a search in parts: the round
 * before was at fair bound from, the rounds must end by end executions
 * (all parts' and rounds'), and took secs seconds before this one. */
void weft__strategy_deeper_round(int from, long end, double secs)
{
	done_fb = from;
	deepen_end = end;
	deepening = true;
	secs_before = secs;
}

bool weft__strategy_round_abandoned(void)
{
	return abandoned;
}

/* After each execution of a deeper round (runs in all so far, limit: a
 * limit of weft cut it): true when the round is abandoned, its
 * allowance spent or its search no longer complete. */
bool weft__strategy_round_over(long runs, bool limit)
{
	if (!deepening || (!limit && runs <= deepen_end))
		return false;
	weft__strategy_abandon_round();
	return true;
}

/* The budget ran out during a deeper round: the last complete round's
 * verification stands.  False when no deeper round was running. */
bool weft__strategy_abandon_round(void)
{
	if (!deepening)
		return false;
	deepening = false;
	abandoned = true;
	weft__opts.fair_bound = done_fb;
	return true;
}

bool weft__strategy_verified(void)
{
	if (abandoned)
		return weft__strat != &strategy_auto || !switched;
	if (weft__strat == &strategy_auto)
		return !switched && (exh == &weft__strategy_dfs
					     ? weft__dfs_complete()
					     : weft__odpor_complete());
	if (weft__strat == &weft__strategy_odpor)
		return weft__odpor_complete();
	return weft__strat == &weft__strategy_dfs && weft__dfs_complete();
}

/* The preemption bound a verification holds for (-1: none), and the
 * fairness bound that cut the search (-1: none). */
int weft__explore_bound(void)
{
	if (weft__strat == &weft__strategy_dfs ||
	    (weft__strat == &strategy_auto && exh == &weft__strategy_dfs))
		return weft__dfs_bound();
	return -1;
}

int weft__explore_fair_bound(void)
{
	if (abandoned)
		return done_fb;
	if (weft__strat == &weft__strategy_dfs ||
	    (weft__strat == &strategy_auto && exh == &weft__strategy_dfs))
		return weft__dfs_fair_bound();
	if (weft__strat == &weft__strategy_odpor ||
	    weft__strat == &strategy_auto)
		return weft__odpor_fair_cut() ? weft__opts.fair_bound : -1;
	return -1;
}

long weft__longest_run(long k)
{
	/* The steps of the execution that ended, from its record. */
	return weft__S->t.nsteps > k ? weft__S->t.nsteps : k;
}

/* The default next thread of the exhaustive strategies, where nothing
 * asks for another: the run the program most expects, fair (a spinner
 * lets the others run first), without spurious wakeups (explored when a
 * race asks for them), and without preempting the running thread. */
int weft__default_choice(const struct weft__decision *d,
			 const weft__tset *avail)
{
	int last = d->last;
	weft__tset a = *avail;

	if (weft__ts_meets(a, *d->eligible))
		a = weft__ts_and(a, *d->eligible);
	if (!weft__ts_empty(weft__ts_minus(a, *d->weak)))
		a = weft__ts_minus(a, *d->weak);
	if (last >= 0 && weft__ts_has(&a, last))
		return last;
	return weft__ts_first(&a);
}
