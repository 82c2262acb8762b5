/* src/sched/run.h - what the scheduler offers the worker and the
 * explorer: setting a worker up, running one execution, ending it early,
 * and the questions a strategy asks about the threads' next operations.
 * Models and detectors use internal.h; the scheduler's own state is
 * sched.h's, read by no file outside src/sched once issue 13 is done. */
#ifndef WEFT_SCHED_RUN_H
#define WEFT_SCHED_RUN_H

#include "internal.h"
#include "explore/explore.h"

/* Once per worker process, before the strategy is set up: the
 * execution's state (exec.c). */
void weft__sched_setup(void);
/* Save the program's data as it is now, to put it back before every
 * execution (globals.c).  Once per worker, after set-up. */
void weft__globals_snapshot(void);
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

/* Whether thread tid's pending operation can run now (sched.c), and
 * whether two operations do not commute (clock.c). */
bool weft__thread_enabled(int tid);
bool weft__op_dependent(const struct weft__op *a, const struct weft__op *b);

/* A fault at addr with stack pointer sp is a stack overflow: addr in a
 * stack's guard, or a frame so large (a 16 MiB local array on an 8 MiB
 * stack) that sp jumped past the guard: sp and addr lie below a stack's
 * guard, within 1 GiB of it.  Called from a signal handler (stack.c). */
bool weft__stack_overflowed(const void *addr, const void *sp);

#endif
