/* src/explore/auto.c - "auto", the default strategy, in phases.
 *
 * It runs the exhaustive search, what "dfs" means (the optimal DPOR of
 * odpor.c, or the bounded search of dfs.c when --preemption-bound is
 * given), for at most half of the budget, whichever of --iterations and
 * --time-limit binds first: a test it finishes is verified for every
 * interleaving (within the bound).  If it has not finished by then, a
 * preemption-bounded search (bounded_phase) and PCT, whose probabilistic
 * guarantee does not depend on the size of the state space, take turns
 * for the rest; the verdict says so ("dfs+bounded+pct", pass).
 * The fairness bound's deepening of the exhaustive half is strategy.c's. */
#include <stdio.h>

#include "cli/options.h"
#include "explore/explore.h"
#include "record.h"

static const struct weft__strategy *inner;
static bool switched;
/* The bounded phase between the two halves ran (see auto_begin). */
static bool bounded_ran;
/* The exhaustive strategy auto ran first (inner becomes PCT later). */
static const struct weft__strategy *exh;
static double started;

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
/* Then, once every schedule within AUTO_BOUND ran clean and the bound
 * cut some, the phase goes on to AUTO_BOUND_MAX, still in turns with
 * PCT: Dekker's algorithm with its entry check swapped fails in 16
 * steps and 2 preemptions, inside nested spin loops whose long
 * executions keep PCT's change points away from those steps; the
 * default strategy passed 500,000 executions, where the search at bound
 * 2 fails it in about 30 s (a probe of SCTBench-style programs). */
#define AUTO_BOUND_MAX 2

/* The level of the bounded phase: the preemption bound it searches to. */
static int level = AUTO_BOUND;

#define BOUNDED_NOTE 0x424f554e44454450ull

/* The bounded phase (see bounded_phase): whether one of its searches
 * ended, and the fairness bound that cut the last one (-1: none); the
 * unbounded search's fairness bound, which the phase's deepening changes
 * and gives back. */
static bool bounded_done;
static int bounded_fb = -1, saved_fb;
/* Whether an execution of the phase found a bug or was cut by a limit of
 * weft, and the findings before the phase: the note says what the phase
 * covered only when it ran clean.  Whether PCT ran, for the report. */
static bool bounded_dirty, pct_ran;
/* After a fallback for cut executions, PCT and random take turns (and
 * whose turn it is), and whether random ran, for the report.  PCT's
 * few priority changes rarely let the threads a program starts without
 * end run in the order a bug needs: an SV-COMP-style monitor among
 * endless spawns was never failed by 16,000 PCT executions, where random
 * schedules fail it within about 4,000. */
static bool cut_mix, cut_turn, random_ran;
/* The bounded search runs (until it ends), and whether the next
 * execution is its turn. */
static bool bounded_on, turn;
static int findings_before;

/* What the bounded phase covered: a claim at its bounds, stated as
 * such. */
static void bounded_note(void)
{
	if (!bounded_done || bounded_dirty ||
	    weft__S->v.nfindings != findings_before)
		return;
	weft__verdict_note(
		BOUNDED_NOTE + (uint64_t)level,
		weft__internf("after the unbounded search's half, every schedule "
			      "with at most %d preemption%s%s ran with no bug "
			      "(a bounded search); PCT sampled the rest",
			      level, level == 1 ? "" : "s",
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
 * search it cut, as the unbounded one deepens) and PCT take turns until
 * the bounded search ends (then PCT runs alone) or the budget does.  The
 * unbounded search's depth-first order changes the last decisions
 * first, and PCT's chance of one
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
	if (weft__split_active() || weft__opts.preemption_bound >= 0)
		return false;
	weft__dfs_preset_bound(AUTO_BOUND);
	saved_fb = weft__opts.fair_bound;
	findings_before = weft__S->v.nfindings;
	bounded_on = bounded_ran = true;
	return true;
}

/* The bounded search's next execution: false when the phase is over. */
static bool bounded_begin(void)
{
	int next;

	if (inner->begin())
		return true;
	if (!weft__dfs_complete())
		return false;
	bounded_done = true;
	bounded_fb = weft__dfs_fair_bound();
	/* The next preemption first, at the same fairness bound: a level
	 * searched after every deepening of the fairness bound began where
	 * its schedules were longest, and missed the Dekker bug above. */
	if (level < AUTO_BOUND_MAX && weft__dfs_raise_bound(level + 1)) {
		bounded_note();
		level++;
		return inner->begin();
	}
	next = bounded_fb < 0 ? -1 : weft__deepen_bound(weft__opts.fair_bound);
	if (next < 0)
		return false;
	weft__opts.fair_bound = next;
	weft__restart_pending = true;
	return inner->begin();
}

static bool auto_begin(void)
{
	/* Its exhaustive half is what "dfs" means: bounded when the user
	 * gave --preemption-bound (which it once ignored, running the
	 * unbounded search a bounded verification did not need). */
	if (!inner) {
		inner = exh = weft__dfs_kind();
		started = weft__now() - weft__strategy_secs_before();
	}
	if (weft__strategy_deepening() && half_spent()) {
		weft__strategy_abandon_round();
		return false;
	}
	if (weft__strategy_round_abandoned())
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
		(void)bounded_phase();
		inner = &weft__strategy_pct;
		switch_note();
		spurious_note();
	}
	/* The bounded search and PCT take turns, one execution each, so
	 * that neither waits for the other: PCT alone after a bounded
	 * quarter found five SV-COMP bugs a quarter of the budget later
	 * than before the phase existed, and a bounded eighth in turns
	 * missed divinefifo-bug_1w1r under a budget of 100,000. */
	if (switched && bounded_on) {
		turn = !turn;
		if (turn) {
			inner = &weft__strategy_dfs;
			if (bounded_begin())
				return true;
			bounded_note();
			weft__opts.fair_bound = saved_fb;
			bounded_on = false;
		}
		inner = &weft__strategy_pct;
	}
	if (cut_mix) {
		cut_turn = !cut_turn;
		inner = cut_turn ? &weft__strategy_random : &weft__strategy_pct;
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
	if (switched && inner == &weft__strategy_dfs &&
	    (r == EXEC_BUG || r == EXEC_LIMIT))
		bounded_dirty = true;
	pct_ran |= inner == &weft__strategy_pct;
	random_ran |= inner == &weft__strategy_random;
	inner->end(r);
}

const struct weft__strategy weft__strategy_auto = {
	.name = "auto", .begin = auto_begin, .pick = auto_pick,
	.value = auto_value, .end = auto_end, .exhaustive = true,
	.parts = WEFT__PARTS_SPLIT, /* its PCT half by seeds */
};


/* What auto has done, for strategy.c's verdicts. */
bool weft__auto_switched(void)
{
	return switched;
}

const struct weft__strategy *weft__auto_exhaustive(void)
{
	return exh;
}

const char *weft__auto_ran(void)
{
	if (!switched)
		return "dfs";
	if (random_ran)
		return "dfs+pct+random";
	if (!bounded_ran)
		return "dfs+pct";
	return pct_ran ? "dfs+bounded+pct" : "dfs+bounded";
}

/* The exhaustive half ended without verifying (a limit of weft cut some
 * execution): PCT and random schedules take turns now (see auto_begin).
 * False once it switched. */
bool weft__auto_fall_back(void)
{
	if (switched)
		return false;
	inner = &weft__strategy_pct;
	switched = cut_mix = true;
	return true;
}
