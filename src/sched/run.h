/* src/sched/run.h - what the scheduler offers the worker and the
 * explorer: setting a worker up, running one execution, ending it early,
 * and the questions a strategy asks about the threads' next operations.
 * Models and detectors use internal.h; the scheduler's own state is
 * sched.h's, read by no file outside src/sched once issue 13 is done. */
#ifndef WEFT_SCHED_RUN_H
#define WEFT_SCHED_RUN_H

#include "internal.h"
#include "explore/explore.h"

/* From its next step on, thread tid runs alone: each of its steps a
 * recorded one with no other choice, until it cannot run (it blocks, or
 * ends; a sleep only the clock ends is no block: the clock runs for it),
 * or until weft__alone_steps() steps, a quarter of --max-steps and at
 * least WEFT__ALONE_STEPS (a loop that gives up after 2,000 tries ran
 * out of 1,024 steps: verified), end the execution as redundant (for a
 * loop that slept, the others run then).  Its clock reads jump as a lone
 * spinner's, and the execution's replay context says where the run
 * began (WEFT__CTX_ALONE).  For the explorer's give-up probes (odpor.c):
 * the schedule in which the other threads are slow and a retry loop
 * gives up.  Does not block. */
#define WEFT__ALONE_STEPS 1024
void weft__sched_alone(int tid);
long weft__alone_steps(void);
/* How many runs alone that limit ended while the thread was still in its
 * loop, in this worker (which explores one test). */
long weft__alone_capped(void);

/* Once per worker process, before the strategy is set up: the
 * execution's state (exec.c). */
void weft__sched_setup(void);
/* Save the program's data as it is now, to put it back before every
 * execution (globals.c).  Once per worker, after set-up. */
void weft__globals_snapshot(void);
/* How many restores WEFT_RESTORE=how compares with the snapshot: -1 for
 * "check" (every one), N for "check:N" (the first N, N >= 1), 0 when how
 * asks for no comparison or is malformed (globals.c).  Does not block. */
long weft__restore_checks(const char *how);
/* Run one execution of t under the strategy set up; returns how it ended
 * (exec.c).  weft__cur_test is t while it runs. */
enum exec_result weft__run_execution(const struct weft_test *t);
extern const struct weft_test *weft__cur_test;
/* The number of the next execution (weft__exec_no), set before the
 * strategy's begin, which may seed from it. */
void weft__set_exec_no(long n);
/* Leave the current execution with result r, back on the worker's own
 * stack (a failure, a pruned or redundant run, or its end; sched.c). */
_Noreturn void weft__end_execution(enum exec_result r);
/* The last execution a limit of weft cut (weft__limit) may hide other
 * threads' steps from the exhaustive search: another thread was live,
 * and the cut was no step ordered against theirs (exec.c). */
extern bool weft__cut_hides;

/* Whether thread tid's pending operation is its first, taken when it
 * starts (thread.c), and whether two operations do not commute (clock.c);
 * weft__thread_enabled is in internal.h. */
bool weft__thread_starting(int tid);
bool weft__op_dependent(const struct weft__op *a, const struct weft__op *b);

/* The per-object access history of the current execution (clock.c), for
 * the partial-order reduction's race analysis: every object touched by a
 * visible operation has a record, found by weft__objrec_find (create:
 * make one if there is none). */
struct weft__objrec {
	const void *obj;
	struct weft__objrec *next;
	uint32_t gen;              /* the execution it is for (clock.c) */
	long w_step;               /* step of the last write, -1 if none */
	int w_tid;
	uint32_t w_clk;            /* writer's own clock entry then */
	long a_step;               /* the same for the last non-release */
	int a_tid;                 /* write, which is what a blocking */
	uint32_t a_clk;            /* operation races with */
	weft__tset r_mask;         /* threads that read since the write */
	/* Per-thread entries, cap of them (at least the execution's
	 * threads): sized to the threads there are, since most tests have
	 * a few and a record per object is made in every execution. */
	int cap;
	uint32_t *svc;             /* release clock: what an acquire of
				      the object synchronises with */
	uint32_t *rvc;             /* join of the (non-atomic) reads since
				      the last write, which it joins */
	long *r_step;              /* for the members of r_mask: the step */
	uint32_t *r_clk;           /* and the reader's own clock entry */
	/* Shortcuts that leave a clock operation out when it would change
	 * nothing (clock.c): svc is a copy of an earlier clock of the
	 * thread whose serial number (weft__thread_serial) is svc_by - 2,
	 * which that thread's clock still dominates (clocks only grow), or
	 * SVC_ZERO, or SVC_MIXED; rvc_zero says rvc is all zeros. */
	uint32_t svc_by;
	bool rvc_zero;
	/* The join of the program clocks (pvc) of the semaphore posts made
	 * so far, npvc entries (allocated by the first post). */
	uint32_t *pvc;
	int npvc;
};

struct weft__objrec *weft__objrec_find(const void *obj, bool create);
/* Whether this execution's records keep their last steps (w_step, a_step,
 * r_mask and the rest): only the bounded search's race analysis reads
 * them (explore/dfs_race.c), so it sets this in its begin; the loop
 * clears it before every strategy's begin.  Other strategies' steps do
 * without a dozen stores and a branch on the kind of every step. */
extern WEFT__HIDDEN bool weft__clock_steps;
/* The execution ended at --max-steps while a thread that could run did
 * not run in its second half (slow.c): fair scheduling of busy threads,
 * --starve-bound, may let it end.  Cleared by the loop before each. */
extern WEFT__HIDDEN bool weft__starve_limit;


/* A fault at addr with stack pointer sp is a stack overflow: addr in a
 * stack's guard, or a frame so large (a 16 MiB local array on an 8 MiB
 * stack) that sp jumped past the guard: sp and addr lie below a stack's
 * guard, within 1 GiB of it.  Called from a signal handler (stack.c). */
bool weft__stack_overflowed(const void *addr, const void *sp);

#endif
