/* src/explore/dfs.h - the DFS strategy's decision tree, shared with its
 * debugging aids (dfs_debug.c). */
#ifndef WEFT_DFS_H
#define WEFT_DFS_H

#include "record.h"
#include "explore/explore.h"
#include "report/report.h"

struct node {
	uint8_t is_value;
	uint32_t chosen;        /* thread, or value of a choice node */
	uint32_t nvals;
	int16_t prev_tid;       /* thread of the previous step, -1 */
	uint8_t prev_runnable;  /* it could have continued (not a yield) */
	int preempt;            /* preemptions before this step */
	int unfair;             /* unfair continuations before this step */
	weft__tset enabled;     /* enabled threads here */
	weft__tset deferred;    /* of those, spinners deferred by fairness */
	weft__tset backtrack, done, sleep;
	weft__tset explored;    /* done and actually run (not cut by the
				   bound): only these may sleep */
	long pb;                /* in a split search: the product of the
				   branching factors before this node, up to
				   the split width */
	uint32_t width;         /* this node's branching factor: the
				   children the bound allows, or the values */
	uint32_t calm;          /* of those, the ones that are no
				   preemption */
	uint32_t op_sig;         /* hash of the chosen thread's operation and
				    site (by content: names may live in the
				    per-execution pool), to catch a re-run
				    that diverges; 0 until known */
	int op_line;
	uint8_t live;           /* the chosen step's liveness (op.h) */
};

/* The race analysis at the current state (dfs_race.c); bound >= 0 adds
 * bounded POR's conservative backtrack points. */
void weft__dfs_analyse_races(struct node *nodes, long npos,
			     const long *step_node, int bound);

/* WEFT_DFS_PREFIX / WEFT_DFS_TARGET, see dfs_debug.c. */
void weft__dfs_prefix_from_env(struct node *nodes, long cap, long *depth,
			       long *replay_len);
void weft__dfs_target_check(const struct node *nodes, long depth);

#endif
