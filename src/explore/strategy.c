/* src/explore/strategy.c - choosing a strategy (auto, the default, is
 * auto.c), and what the search's verdict holds for.
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
const struct weft__strategy *weft__dfs_kind(void)
{
	return weft__opts.preemption_bound < 0 ? &weft__strategy_odpor
					       : &weft__strategy_dfs;
}

/* Deepening the fairness bound: the largest bound tried; the bound of
 * the last round that completed; whether a deeper round runs, or one was
 * abandoned; the executions (of all rounds) the deeper ones must end by. */
#define DEEPEN_FACTOR 3
#define DEEPEN_MIN_EXTRA 20000
static int done_fb = -1;
static bool deepening, abandoned;
static long deepen_end;
/* The seconds earlier rounds took, when this process runs a deeper round
 * of a search in parts (the parent runs the rounds: src/cli/jobs.c). */
static double secs_before;

static const struct weft__strategy *const all[] = {
	&weft__strategy_auto,
#define WEFT__STRATEGY(name) &weft__strategy_##name,
#include "strategies.def"
#undef WEFT__STRATEGY
};
#define NALL (sizeof all / sizeof all[0])

const struct weft__strategy *weft__strategy_get(const char *name)
{
	if (strcmp(name, "dfs") == 0)
		return weft__dfs_kind();
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

/* What actually ran, for the report: "auto" becomes what auto.c says
 * ("dfs", "dfs+pct", "dfs+bounded", "dfs+bounded+pct"). */
const char *weft__strategy_ran(void)
{
	if (weft__strat == &weft__strategy_auto)
		return weft__auto_ran();
	return weft__strat->name;
}

/* The default strategy's exhaustive half ended without verifying (a limit
 * of weft cut some execution): its random half runs now.  False for the
 * other strategies, and once it switched. */
bool weft__strategy_fall_back(void)
{
	return weft__strat == &weft__strategy_auto && weft__auto_fall_back();
}

int weft__deepen_bound(int fb)
{
	if (weft__opts.fair_bound_set || fb < 0 || fb >= WEFT__DEEPEN_MAX)
		return -1;
	return fb * 2 > WEFT__DEEPEN_MAX ? WEFT__DEEPEN_MAX : fb < 1 ? 1 : fb * 2;
}

/* The bound of the round after one at fair bound fb that finished clean
 * but cut, after runs executions in all rounds; *end is the allowance of
 * the deeper rounds (0: not set yet, set here from the first round's
 * runs).  -1 when there is no deeper round: the user gave the bound, it
 * is at its largest, or the allowance is spent. */
int weft__deepen_next(int fb, long runs, long *end)
{
	int next = weft__deepen_bound(fb);

	if (next < 0)
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
	return next;
}

/* The exhaustive search finished clean, after runs executions in all:
 * if it was cut by the fairness bound, start a deeper round (see the
 * opening comment).  False when there is none to run. */
bool weft__strategy_deepen(long runs)
{
	int next;
	bool exhaustive = weft__strat == &weft__strategy_auto
				  ? !weft__auto_switched()
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

bool weft__strategy_deepening(void)
{
	return deepening;
}

double weft__strategy_secs_before(void)
{
	return secs_before;
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
		return weft__strat != &weft__strategy_auto ||
		       !weft__auto_switched();
	if (weft__strat == &weft__strategy_auto)
		return !weft__auto_switched() &&
		       (weft__auto_exhaustive() == &weft__strategy_dfs
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
	    (weft__strat == &weft__strategy_auto &&
	     weft__auto_exhaustive() == &weft__strategy_dfs))
		return weft__dfs_bound();
	return -1;
}

int weft__explore_fair_bound(void)
{
	if (abandoned)
		return done_fb;
	if (weft__strat == &weft__strategy_dfs ||
	    (weft__strat == &weft__strategy_auto &&
	     weft__auto_exhaustive() == &weft__strategy_dfs))
		return weft__dfs_fair_bound();
	if (weft__strat == &weft__strategy_odpor ||
	    weft__strat == &weft__strategy_auto)
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
