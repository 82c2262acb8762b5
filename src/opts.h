/* src/opts.h - the options a test binary runs with (--strategy,
 * --iterations, ...; src/cli/flags.c sets them from the command line and
 * WEFT_OPTIONS), read by every subsystem through internal.h. */
#ifndef WEFT_OPTS_H
#define WEFT_OPTS_H

/* Steps in a row with every runnable thread spinning before a livelock
 * is reported: high enough that a loop that polls and sleeps a few
 * thousand times before it gives up by itself ends first (at 200, a
 * driver's "poll up to 1000 times" loop was a false livelock), and
 * cheap, since only the execution that livelocks runs that long. */
#define WEFT__DEFAULT_SPIN_BOUND 10000
/* A WEFT_TEST thread's stack (--stack-size). */
#define WEFT__DEFAULT_STACK_SIZE (256 * 1024)

#include <stdbool.h>
#include <stdint.h>

struct weft__opts {
	const char *strategy;   /* "auto", "random", "pct", "dfs", "replay" */
	long iterations;
	uint64_t seed;
	int depth;
	int preemption_bound;   /* -1: unbounded */
	long max_steps;
	const char *replay;
	const char *filter;
	bool list;
	int jobs;
	double time_limit;
	bool json;
	bool verbose;
	bool spurious;          /* explore spurious wakeups and weak
				   compare-exchange failures */
	long stack_size;
	int spin_bound;         /* steps with only spinning threads => livelock
				   (at most half of max_steps count) */
	int fair_bound;         /* DFS: unfair continuations of spinners per
				   execution (-1: unbounded) */
	bool fair_bound_set;    /* given by the user: the default strategy
				   does not deepen it */
	int stale_bound;        /* loads that read an older store, per
				   execution (-1: no bound) */
	long starve_bound;      /* steps one thread runs while another could
				   before it waits for that one (0: never) */
	bool starve_bound_set;  /* given by the user: never turned on by
				   itself (loop.c's auto_starve) */
	int leaks;              /* WEFT__LEAKS_*: which live blocks at the end
				   of a test are reported */
	bool volatile_marked;   /* volatile accesses are the program's
				   atomics (relaxed), not plain accesses */
	bool volatile_given;    /* by --volatile (not by the program) */
	bool exit_any;          /* --exit-status=any: no status is a bug */
	bool races_off;         /* --races=off: a data race is no bug (its
				   sites still become scheduling points) */
	bool deadlocks_off;     /* --deadlocks=off: a deadlock ends its
				   execution as an infeasible one, and a
				   lock-order cycle is no finding */
	bool alloc_fail_off;    /* --alloc-fail=none: an allocation that
				   does not sleep never fails */
	long split;             /* exhaustive search split into leaves up to
				   this width (0: by default, only when it
				   runs in parts) */
	int shard, nshards;     /* --shard=K/N: this process explores part K
				   (1-based) of N; 0/0 none */
};
enum { WEFT__LEAKS_UNREACHABLE, WEFT__LEAKS_ALL, WEFT__LEAKS_OFF };
/* With --time-limit=0 (no limit on the search), an execution that makes
 * no step for this long is still a hang (src/cli/jobs.c); with a limit,
 * one past the limit that makes none for its grace, 1 to 5 s. */
#define WEFT__HANG_SECS 60
extern struct weft__opts weft__opts;

/* A thread's spurious wakeups in an execution, from a condition variable
 * or a futex (each model counts a thread's own): one, none under
 * --no-spurious.  Whether a thread that had `used` may have another;
 * and whether the option allows one the budget refuses, a bound the
 * verdict names (weft__verdict_spurious_capped).  Neither blocks. */
#define WEFT__SPURIOUS_WAKEUPS 1
static inline bool weft__spurious_left(int used)
{
	return weft__opts.spurious && used < WEFT__SPURIOUS_WAKEUPS;
}
static inline bool weft__spurious_spent(int used)
{
	return weft__opts.spurious && used >= WEFT__SPURIOUS_WAKEUPS;
}

#endif
