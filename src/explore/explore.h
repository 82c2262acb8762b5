/* src/explore/explore.h - what the explorer's files offer each other and
 * the worker (src/cli/worker.c): the strategies that strategy.c chooses
 * from, the strategy interface the scheduler calls at every point
 * (struct weft__strategy, struct weft__decision), and what the worker asks
 * once an exploration ends. */
#ifndef WEFT_EXPLORE_H
#define WEFT_EXPLORE_H

#include <stdbool.h>
#include <stdint.h>

#include "internal.h"
#include "record.h"

/* Outcome of one execution. */
enum exec_result { EXEC_OK, EXEC_BUG, EXEC_PRUNED, EXEC_REDUNDANT,
		   EXEC_LIMIT };

/* A scheduling point, as the scheduler hands it to the strategy (sched.c):
 * with the threads' pending operations (weft__thread_pending) and the
 * happens-before clocks (weft__vc), all a strategy reads of the execution.
 * The sets are the scheduler's, valid until the pick returns. */
struct weft__decision {
	const weft__tset *enabled;  /* threads whose next operation can run */
	const weft__tset *eligible; /* of those, the ones fair scheduling
				       prefers (never empty) */
	const weft__tset *weak;     /* of the enabled, those that could only
				       move by a spurious wakeup */
	const weft__tset *spinning; /* of the enabled, those that polled and
				       saw nothing new since the last write */
	const weft__tset *costly;   /* of the enabled, those whose step now
				       is an unfair continuation (not
				       eligible, and not in a round of a
				       spin loop already paid for) */
	int last;                   /* thread of the previous step, -1 (the
				       spawner after an awaited start:
				       sched.h, last_tid) */
	long step;                  /* steps taken in this execution */
	int nthreads;               /* thread records in use */
	int preemptions, unfair;    /* so far in this execution */
	int atomic;                 /* thread inside an atomic section, -1 */
};

/* The strategy interface: the scheduler asks the strategy set up for
 * each step (sched.c). */
struct weft__strategy {
	const char *name;
	/* Called before each execution; returns false when exploration is
	 * complete (DFS exhausted its tree). */
	bool (*begin)(void);
	/* Pick a thread of d->eligible, or of d->enabled (an unfair or
	 * explored choice). */
	int (*pick)(const struct weft__decision *d);
	/* Pick a value in [0, n). */
	int (*value)(int n);
	/* Called after each execution with its result. */
	void (*end)(enum exec_result r);
	/* Called at each step after the pick, with the chosen thread (for
	 * DPOR bookkeeping); may be NULL. */
	void (*step)(int tid, const struct weft__op *op);
	bool exhaustive;           /* can conclude "verified" */
	bool lone_free;            /* not asked when one thread can run:
				      it keeps nothing per step */
	/* Optional: pick among the eligible threads of an ordinary step
	 * (at most 64 threads, nobody deferred: eligible is enabled, one
	 * word), for a strategy that needs nothing else of the decision:
	 * the scheduler then builds none (sched.c's choose_next). */
	int (*pick_word)(uint64_t eligible);
	uint8_t parts;             /* how --jobs and --shard divide it */
};
enum {
	WEFT__PARTS_NONE,          /* one process (replay) */
	WEFT__PARTS_SEEDS,         /* by executions: each its own seeds */
	WEFT__PARTS_SPLIT,         /* by the leaves of the split search */
};
const struct weft__strategy *weft__strategy_get(const char *name);
/* The names weft__strategy_get knows, "auto, dfs, ...", for messages. */
const char *weft__strategy_names(void);
/* The set of scheduling points grew (weft__points_changed): exhaustive
 * strategies restart their tree at the next execution. */
extern bool weft__restart_pending;
extern const struct weft__strategy *weft__strat;
/* Splitting the exhaustive search into parts (split.c): a prefix
 * with full branching up to the width (0: no split) ends in leaves, which
 * shards divide statically and the jobs of a process dynamically.  stop,
 * shared by the jobs, is the lowest leaf with a bug; log, if not NULL,
 * gets the worker's counters as each of its leaves begins, so the parent
 * can add up exactly what a single process would have explored up to that
 * bug. */
struct weft__leaf_mark {
	long leaf, executions, pruned, redundant, limited;
};
struct weft__split_log {
	long cap, n;
	bool overflow;
	struct weft__leaf_mark m[];
};
struct weft__split_cfg {
	long width;
	int shard, nshards;       /* static: leaves shard, shard+nshards, ... */
	int job, njobs;           /* of those, each job explores the ones it
				     claims first in claims (a shared bitmap
				     of nclaims bits), past it every njobs-th */
	volatile long *stop;
	volatile long *takeover;  /* shared by the jobs: 0, or 1 + the job
				     that took the search over */
	struct weft__split_log *log;
	uint64_t *claims;
	long nclaims;
};
void weft__split_setup(const struct weft__split_cfg *c);
/* Before each execution. */
void weft__split_begin(void);
/* The execution that just ended belongs to another part: not counted, its
 * findings are that part's. */
bool weft__split_foreign(void);
/* WEFT_DEBUG_EXEC=1: the execution just ended, its steps on one line of
 * standard error (dfs_debug.c).  For work on the explorer itself. */
void weft__dump_execution(enum exec_result r);
/* The leaf the current (or last) execution is in; -1 before the first. */
long weft__split_leaf(void);
bool weft__split_active(void);
long weft__split_width(void);
/* For the exhaustive strategies that split: a restart of the search (the
 * first part to restart takes it over), whether this part is done, the
 * path reaching its leaf (fresh: for the first time; false when the leaf
 * is another part's), and the end of an execution (one that never
 * reached its leaf is a leaf of its own). */
void weft__split_reset(void);
bool weft__split_stopped(void);
bool weft__split_at_leaf(bool fresh);
void weft__split_end(void);
/* DFS helpers for the "auto" strategy and reports: the bound a
 * verification holds for; whether the search ended; the bound auto's
 * bounded phase searches to, set before the search's first execution. */
int weft__dfs_bound(void);
bool weft__dfs_complete(void);
void weft__dfs_preset_bound(int k);
/* A bounded search that ended with some branch cut by its preemption
 * bound goes on to bound k, running the schedules its last level cut;
 * false (nothing changed) when it did not end, cut nothing, or is
 * unbounded. */
bool weft__dfs_raise_bound(int k);
void weft__strategy_setup(const char *name);
/* The default choice of the exhaustive strategies among avail (a subset of
 * the enabled threads), preferring elig (strategy.c). */
int weft__default_choice(const struct weft__decision *d,
			 const weft__tset *avail);
/* The sampling strategies' expected number of steps k (PCT's), learnt as
 * the longest execution seen: k, or the execution that just ended when it
 * was longer (strategy.c). */
long weft__longest_run(long k);

/* Decisions: replay tokens. */
char *weft__token_encode(const char *test, const uint32_t *dec, long n,
			 const uint64_t *ctx, int nctx);
/* Whether tok is a well-formed token of test (its checksum covers the
 * test's name); else false, with *err saying why.  Does not block. */
bool weft__token_fits(const char *test, const char *tok, const char **err);
long weft__token_decode(const char *test, const char *tok, uint32_t **out,
			uint64_t **ctx, int *nctx, const char **err);

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
/* Whether the optimal DPOR has no schedule left, found without running
 * one (its determinism probe is not run): else it is ready for its next
 * schedule.  For auto, whose exhaustive half is over. */
bool weft__odpor_exhausted(void);
/* Whether this process kept give-up probes where the fairness bound cut
 * a spinner (odpor_giveup.c; none in a search in parts): the verdict's
 * note says what they cover. */
bool weft__giveup_kept(void);
/* The places past the probes' limit that were not kept (none probed). */
long weft__giveup_lost(void);
/* Whether the execution that just ended was a give-up probe. */
bool weft__giveup_ended(void);
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
 * actually ran ("auto" becomes "dfs", "dfs+pct", "dfs+bounded" or
 * "dfs+bounded+pct"), whether its search was
 * complete, the preemption bound a verification holds for and the
 * fairness bound that cut the search (-1: none). */
const char *weft__strategy_ran(void);
bool weft__strategy_verified(void);
bool weft__strategy_fall_back(void);
/* The exhaustive search's deepening of the fairness bound (strategy.c):
 * start a deeper round after a clean complete one of runs executions in
 * all; after each execution of it, whether it is over (abandoned: the
 * last complete round's verdict stands); abandon it when the budget runs
 * out. */
bool weft__strategy_deepen(long runs);
bool weft__strategy_round_over(long runs, bool limit);
bool weft__strategy_abandon_round(void);
/* The same for a search in parts, whose rounds the parent runs
 * (src/cli/jobs.c): the next round's bound after a clean one at fb that
 * the bound cut (-1: none), *end the rounds' allowance; a worker's round
 * that is a deeper one (see strategy.c); whether this worker gave its
 * round up. */
int weft__deepen_next(int fb, long runs, long *end);
/* The fairness bound of a deeper round after one at fb that the bound
 * cut: doubled (1 after 0), WEFT__DEEPEN_MAX at most; -1 when there is
 * none (the user gave the bound, or it is at its largest).  For the
 * rounds above and auto.c's bounded phase. */
int weft__deepen_bound(int fb);
void weft__strategy_deeper_round(int from, long end, double secs);
bool weft__strategy_round_abandoned(void);
/* For auto (auto.c): whether a deeper round runs, and the seconds the
 * rounds before this process's took. */
bool weft__strategy_deepening(void);
double weft__strategy_secs_before(void);
/* The largest fairness bound a deepening tries. */
#define WEFT__DEEPEN_MAX 64
/* The exhaustive strategy "dfs" means: the optimal DPOR, or the bounded
 * search when --preemption-bound is given (strategy.c). */
const struct weft__strategy *weft__dfs_kind(void);
/* The default strategy (auto.c), and what it did: whether it left its
 * exhaustive half; the exhaustive strategy of that half; the phases that
 * ran, for the report; its fallback to PCT after a search a limit of
 * weft cut (false once it switched). */
extern const struct weft__strategy weft__strategy_auto;
bool weft__auto_switched(void);
const struct weft__strategy *weft__auto_exhaustive(void);
const char *weft__auto_ran(void);
bool weft__auto_fall_back(void);
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
	volatile long *held;       /* and those taken but not yet settled */
	/* A deeper round of the fairness bound, which the parent runs for a
	 * search in parts: the round before was at fair bound deeper_from
	 * (-1: this is the first round), the rounds must end by deepen_end
	 * executions, and the earlier rounds ran before executions in
	 * secs_before seconds; abandon, shared by the jobs, is set when one
	 * of them gives the round up. */
	int deeper_from;
	long deepen_end, before;
	double secs_before;
	volatile long *abandon;
};
/* A finding's execution kept aside while the search goes on (kept.c):
 * the trace part of the record copied out (with its string pool, which
 * goes back to the same address), put back for the report, freed (NULL:
 * nothing); the replay token of the execution just ended, into
 * S->v.found_token.  None blocks. */
struct weft__kept;
struct weft__kept *weft__kept_save(struct weft__trace *T);
void weft__kept_restore(struct weft__shm *S, const struct weft__kept *v);
void weft__kept_free(struct weft__kept *v);
void weft__kept_token(const struct weft_test *t, struct weft__shm *S);
void weft__explore_loop(const struct weft_test *t,
			const struct weft__loop_cfg *cfg);
/* The verdict a search of a program with inline-assembly atomics may
 * give (asm_verdict.c): inconclusive (asm-atomics) for a verification or
 * for data races alone, which it marks as possible ones; verdict as it is
 * otherwise, or for a program without them.  Does not block. */
int weft__asm_verdict(struct weft__verdict *V, int verdict);
/* The search ends after the execution in progress, which a limit of
 * weft ends that later executions would meet too (a spin on atomics in
 * inline assembly, race_stuck.c).  Safe in an execution; does not
 * block. */
void weft__explore_stop(void);
/* The executions the budget (--iterations) has paid for so far: this
 * process's, or all jobs' of a split search. */
long weft__explore_budget_used(void);
/* The budget of the loop (budget.c): set up for cfg's search; before an
 * execution, whether it may run (a job of a split search reserves it in
 * the shared count, and may wait a little while another job holds one
 * it could give back); an execution reserved that turned out not to be
 * one the budget pays for (another part's leaf, a re-run) goes back; a
 * reserved one that counts is settled; the executions of all rounds and
 * parts so far, the current one included.  Only weft__budget_take may
 * block (a bounded wait of 0.1 ms at a time). */
void weft__budget_begin(const struct weft__loop_cfg *cfg);
bool weft__budget_take(long exec_no);
void weft__budget_give_back(void);
void weft__budget_settle(void);
long weft__budget_runs(void);
/* A verified exploration that checked nothing (every execution pruned or
 * redundant) is inconclusive, "all-pruned". */
void weft__check_all_pruned(struct weft__shm *S);
/* How severe a finding reported at the end is (lower: more). */
int weft__finding_rank(const char *kind);
/* The most severe of V's findings from index from on (the first of
 * those of its rank), or -1. */
int weft__worst_finding(const struct weft__verdict *V, int from);
/* Make finding i the verdict's: first in the list (the report shows the
 * others after it as "also"), its kind and message the verdict's. */
void weft__finding_lead(struct weft__verdict *V, int i);
/* Keep kind ("time-limit") as the kind of V's first limit, unless V has
 * one already (a part's, a round's, a shard's); NULL or "" keeps none. */
void weft__verdict_first_limit(struct weft__verdict *V, const char *kind);
/* One more execution a limit of kind ended (weft__verdict_first_limit). */
void weft__verdict_limited(struct weft__verdict *V, const char *kind);

#endif
