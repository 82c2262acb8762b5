/* src/explore/budget.c - the execution budget (--iterations) of a
 * search: one count per process, or one count shared by the jobs of a
 * split search, which reserve each execution in it before running it and
 * settle or give it back after, so that together they run exactly the
 * budget. */
#include <time.h>

#include "explore.h"
#include "sched/run.h"

/* The executions of the fairness bound's rounds before this one, in a
 * deeper round run by the parent (a single worker's; jobs find them in
 * the shared count). */
static long round_before;

/* The executions run so far against --iterations: the jobs of a split
 * search share one count (they claim leaves unevenly, so a fixed share
 * each would end one job's part early while another has budget left). */
static volatile long *shared_used;

/* Without an execution budget the shared count only measures the deeper
 * rounds' allowance, which a few executions more or less do not change:
 * a job adds its executions in batches.  An add at every execution, on a
 * line every job writes, moved that line between the processors at every
 * execution: the 2 jobs' executions were 11% slower than one job's
 * (bench/exhaustive's adds_3x4, 3.3 against 3.0 us). */
#define USED_BATCH 64
static long used_pending;

static void used_add(long d)
{
	used_pending += d;
	if (used_pending >= USED_BATCH || used_pending <= -USED_BATCH) {
		__atomic_fetch_add(shared_used, used_pending, __ATOMIC_SEQ_CST);
		used_pending = 0;
	}
}


long weft__explore_budget_used(void)
{
	if (shared_used)
		return __atomic_load_n(shared_used, __ATOMIC_RELAXED) +
		       used_pending;
	return round_before + weft__exec_no();
}

/* The executions of all rounds and parts so far, the current one
 * included (the shared count has it already: weft__budget_take). */
long weft__budget_runs(void)
{
	return weft__explore_budget_used() + (shared_used ? 0 : 1);
}

/* An execution taken from the shared budget stays held until the loop
 * knows whether it counts (it may turn out to be another part's leaf,
 * or the strategy may have nothing left, and go back): a job that finds
 * the budget spent waits while another holds one, instead of stopping
 * for good and leaving it unspent (999 of 1000 executions on a loaded
 * machine).  shared_held counts the jobs holding one; holding says
 * whether this job does. */
static volatile long *shared_held;
static bool holding;

void weft__budget_settle(void)
{
	if (holding)
		__atomic_fetch_sub(shared_held, 1, __ATOMIC_SEQ_CST);
	holding = false;
}

/* A job found the budget spent: whether another job still holds an
 * execution it may give back (then wait a little and look again).  A
 * bounded wait: a holder that never settles (it crashed) stops no one
 * for long. */
static bool others_hold(int round)
{
	struct timespec ts = { 0, 100000 };

	if (round > 100000 || !__atomic_load_n(shared_held, __ATOMIC_SEQ_CST))
		return false;
	nanosleep(&ts, NULL);
	return true;
}

/* Before an execution: may it run?  Jobs sharing the budget reserve their
 * execution in the shared count, so that together they run no more than
 * --iterations.  The count only grows while below the budget (a
 * compare-exchange, not an add undone on refusal): an add and its undo let
 * another job see the budget spent for a moment and stop for good, and a
 * loaded machine then ran one execution less (999 of 1000). */
bool weft__budget_take(long exec_no)
{
	long n = weft__opts.iterations, v;

	/* The shared count is kept without a budget too: the deeper rounds'
	 * allowance is in all jobs' executions. */
	if (n <= 0) {
		if (shared_used)
			used_add(1);
		return true;
	}
	if (!shared_used)
		return round_before + exec_no < n;
	weft__budget_settle();
	for (int round = 0;; round++) {
		/* Held while it tries, so that a job that looks now sees it. */
		__atomic_fetch_add(shared_held, 1, __ATOMIC_SEQ_CST);
		v = __atomic_load_n(shared_used, __ATOMIC_SEQ_CST);
		while (v < n)
			if (__atomic_compare_exchange_n(shared_used, &v, v + 1,
							false, __ATOMIC_SEQ_CST,
							__ATOMIC_SEQ_CST)) {
				holding = true;
				return true;
			}
		__atomic_fetch_sub(shared_held, 1, __ATOMIC_SEQ_CST);
		if (!others_hold(round))
			return false;
	}
}

/* The execution was not one the budget pays for (another part's, or the
 * re-run of the determinism probe). */
void weft__budget_give_back(void)
{
	if (shared_used && weft__opts.iterations <= 0)
		used_add(-1);
	else if (shared_used)
		__atomic_fetch_sub(shared_used, 1, __ATOMIC_SEQ_CST);
}

void weft__budget_begin(const struct weft__loop_cfg *cfg)
{
	shared_used = cfg->split && cfg->held ? cfg->used : NULL;
	shared_held = cfg->held;
	holding = false;
	used_pending = 0;
	if (cfg->deeper_from >= 0)
		round_before = cfg->before;
}
