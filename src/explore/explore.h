/* src/explore/explore.h - what the explorer's files offer each other and
 * the worker (src/cli/worker.c): the strategies that strategy.c chooses
 * from, and what the worker asks once an exploration ends.  The strategy
 * interface itself is still in src/sched/sched.h, because the scheduler
 * calls it at every step. */
#ifndef WEFT_EXPLORE_H
#define WEFT_EXPLORE_H

#include <stdbool.h>
#include <stdint.h>

#include "sched/sched.h"

/* The strategies strategy.c chooses from (one per file, listed in
 * strategies.def). */
#define WEFT__STRATEGY(name) extern const struct weft__strategy weft__strategy_##name;
#include "strategies.def"
#undef WEFT__STRATEGY

/* The bounded DFS (dfs.c): the fairness bound that cut its search, -1
 * none. */
int weft__dfs_fair_bound(void);
/* The optimal DPOR (odpor.c): it explored every execution; the fairness
 * bound cut some. */
bool weft__odpor_complete(void);
bool weft__odpor_fair_cut(void);
/* The current execution re-runs the first schedule in full to catch a
 * program that does not behave the same way twice (the determinism probe
 * of dfs.c and odpor.c): it is not a new execution. */
extern bool weft__probe_run;
/* Which operation, at which source line (odpor_ev.c): a step re-run with
 * the same decisions and another signature shows a program that does not
 * behave the same way twice.  Equal within one process, never 0. */
uint32_t weft__op_signature(const struct weft__op *op);

/* What the worker reports at the end (strategy.c): the strategy that
 * actually ran ("auto" becomes "dfs" or "dfs+pct"), whether its search was
 * complete, the preemption bound a verification holds for and the
 * fairness bound that cut the search (-1: none). */
const char *weft__strategy_ran(void);
bool weft__strategy_verified(void);
int weft__explore_bound(void);
int weft__explore_fair_bound(void);

/* --replay (replay.c): follow the n decisions d. */
void weft__replay_load(uint32_t *d, long n);

/* The exploration loop (loop.c), run by a worker process: executions
 * first, first+stride, ... of the test under the strategy set up, until
 * it is done, the budget is spent or a bug ends it; the outcome is left
 * in weft__S.  May block only in the test's own code. */
struct weft__loop_cfg {
	long first, stride;        /* executions first, first+stride, ... */
	volatile long *min_bug;    /* shared across jobs: lowest bug found
				      (an execution number; with a split
				      search, a leaf) */
	bool split;                /* one part of a split exhaustive search */
	bool in_parts;             /* one of several parts (jobs, shards) */
	bool debug_exec;           /* WEFT_DEBUG_EXEC: print each execution */
	volatile long *used;       /* split jobs: executions run by all */
};
void weft__explore_loop(const struct weft_test *t,
			const struct weft__loop_cfg *cfg);
/* The executions the budget (--iterations) has paid for so far: this
 * process's, or all jobs' of a split search. */
long weft__explore_budget_used(void);
/* A verified exploration that checked nothing (every execution pruned or
 * redundant) is inconclusive, "all-pruned". */
void weft__check_all_pruned(struct weft__shm *S);
/* How severe a finding reported at the end is (lower: more). */
int weft__finding_rank(const char *kind);

#endif
