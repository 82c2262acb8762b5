/* src/sched/exec.c - one execution of a test, from a fresh program state to
 * its verdict, and the ways an execution ends early (bug, prune). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sched.h"
#include "detect/heap.h"
#include "report/report.h"

const struct weft_test *weft__cur_test;

/* ---- one execution ---------------------------------------------------- */

static long exec_gen;

long weft__exec_gen(void)
{
	return exec_gen;
}

void weft__exec_reset(void)
{
	struct weft__exec *X = weft__X;
	struct weft__trace *T = &weft__S->t;
	struct weft__verdict *V = &weft__S->v;
	long no = X->exec_no;

	exec_gen++;

	X->nthreads = 0;
	X->live_small = 0;
	X->sleep_mask = 0;
	X->n_work = 0;
	/* compute_enabled writes only the words this execution's threads
	 * need; the others must be empty. */
	X->enabled = X->weak = X->deferred = X->spinning = weft__ts_none();
	weft__set_running(-1);
	X->last_tid = -1;
	X->nsteps = 0;
	X->step_mark = weft__opts.max_steps / 2;
	/* npw, spin_any, starve_any, late and the pad beside them. */
	X->flags_word = 0;
	X->late_en = weft__ts_none();
	X->preemptions = 0;
	X->unfair = 0;
	weft__livelock_reset(X);
	weft__spin_wait = false;
	weft__lone_step = false;
	weft__unfair_step = false;
	X->progress = X->last_poll = false;
	weft__dead_stacks_reset();
	X->run_len = 0;
	X->atomic_tid = -1;
	X->atomic_depth = 0;
	X->alone_tid = -1;
	X->alone_steps = 0;
	X->alone_from = -1;
	X->result = EXEC_OK;
	X->pruned = false;
	X->blocked_off = false;
	X->bound_held = false;
	X->outside_sigs = 0;
	X->outside_now = 0;
	X->outside_done = 0;
	X->in_epilogue = false;
	X->exec_no = no;
	T->nsteps = 0;
	T->ndec = 0;
	T->preemptions = 0;
	T->stale_reads = 0;
	/* Only the last execution's threads can have left an entry. */
	if (T->nthreads > 0 && T->nthreads <= WEFT__MAX_THREADS)
		memset(T->blocked, 0,
		       sizeof T->blocked[0] * (size_t)T->nthreads);
	else if (T->nthreads)
		memset(T->blocked, 0, sizeof T->blocked);
	T->nthreads = 0;
	T->pool_used = 0;
	/* The details explain the execution that failed: a new one starts
	 * without any. */
	V->detail_len = 0;
	V->detail[0] = 0;
	weft__exec_mem_reset();
	weft__objclock_reset();
	weft__stack_put_all();
}

static void test_body(void *arg)
{
	const struct weft_test *t = arg;

	t->fn();
}

enum exec_result weft__run_execution(const struct weft_test *t)
{
	struct weft__exec *X = weft__X;

	weft__globals_restore();
	weft__exec_reset();
	weft__cur_test = t;
	X->in_epilogue = true;
	if (setjmp(X->epilogue_jmp) == 0) {
		weft__listeners_begin();
		X->in_epilogue = false;
		weft__thread_create(test_body, (void *)t, t->name, 0, NULL);
		weft__sched_start();
	}
	if (X->result == EXEC_OK && !X->blocked_off) {
		/* Every non-daemon thread finished: end-of-test checks. */
		X->in_epilogue = true;
		if (setjmp(X->epilogue_jmp) == 0)
			weft__listeners_end();
		X->in_epilogue = false;
	}
	weft__listeners_done();
	return X->result;
}

void weft__sched_setup(void)
{
	weft__X = weft__persistent_alloc(sizeof *weft__X);
	/* No test thread runs until the first execution starts one: a crash
	 * before it is weft's (report/crash_owner.c), not thread 0's. */
	weft__set_running(-1);
}

void weft__set_exec_no(long n)
{
	weft__X->exec_no = n;
}

long weft__exec_no(void)
{
	return weft__X ? weft__X->exec_no : 0;
}

long weft__step_no(void)
{
	return weft__X ? weft__X->nsteps : 0;
}

/* ---- ending an execution early ---------------------------------------- */

void weft__fail_detail(const char *fmt, ...)
{
	struct weft__verdict *V = &weft__S->v;
	va_list ap;
	int room = (int)sizeof V->detail - V->detail_len;
	int n;

	if (room <= 2)
		return;
	va_start(ap, fmt);
	n = vsnprintf(V->detail + V->detail_len, (size_t)room - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > room - 2)
		n = room - 2;
	V->detail_len += n;
	V->detail[V->detail_len++] = '\n';
	V->detail[V->detail_len] = 0;
}

/* Record what ended the execution (a bug's kind, or a limit's reason)
 * with its message and place, and end it with result r. */
_Noreturn static void end_with(const char *kind, const struct weft_loc *loc,
			       enum exec_result r, const char *fmt, va_list ap)
{
	struct weft__verdict *V = &weft__S->v;
	char msg[900];

	vsnprintf(msg, sizeof msg, fmt, ap);
	snprintf(V->kind, sizeof V->kind, "%s", kind);
	if (loc && loc->file)
		snprintf(V->message, sizeof V->message, "%s (at %s:%d)", msg,
			 loc->file, loc->line);
	else
		snprintf(V->message, sizeof V->message, "%s", msg);
	weft__end_execution(r);
}

/* A misuse is found by the model before its step (pthread_barrier_wait
 * on a destroyed barrier, an unlock of another thread's mutex), so the
 * trace had no row of the call the report is about, and a thread whose
 * only act it was had no column.  The call is drawn after the thread's
 * last step, "[here]", named by the message's first word (the call).
 * Not when the thread's last step is the call already. */
static void mark_call(const struct weft_loc *loc, const char *op)
{
	struct weft__exec *X = weft__X;
	long n;

	if (!X || X->cur < 0 || !loc || !loc->file)
		return;
	n = X->nsteps;
	while (n > 0 && weft__trace_steps(&weft__S->t)[n - 1].tid != X->cur)
		n--;
	if (n > 0 && weft__trace_steps(&weft__S->t)[n - 1].loc == loc)
		return;
	weft__mark_here(op, NULL, loc, "[here]");
}

static void mark_misuse(const struct weft_loc *loc, const char *fmt,
			va_list ap)
{
	char msg[64];
	size_t k;

	vsnprintf(msg, sizeof msg, fmt, ap);
	k = strcspn(msg, " (:");
	msg[k < 23 ? k : 23] = 0;
	mark_call(loc, msg);
}

/* The call the next weft__fail is about (abort(), exit(3)), drawn as a
 * misuse's is: a thread that aborted or exited had no row of it, and no
 * column when it was its only act (a probe of awkward programs). */
static const char *here_op;

void weft__fail_call(const char *op)
{
	here_op = op;
}

/* The verdict note of --deadlocks=off's deadlocked executions. */
#define DEADLOCKS_OFF_NOTE 0x444541444c4f4b21ull

/* --deadlocks=off (SV-COMP's unreach-call tasks, where a blocked program
 * has only stopped short of the error): the deadlocked execution ends as
 * an execution, with no end-of-test checks (its threads' memory is still
 * in use, main returned no status), and the verdict says deadlocks were
 * seen. */
_Noreturn static void deadlock_ignored(void)
{
	struct weft__verdict *V = &weft__S->v;

	V->detail_len = 0;
	V->detail[0] = 0;
	here_op = NULL;
	weft__verdict_note(DEADLOCKS_OFF_NOTE,
			   "executions in which the threads deadlocked were "
			   "seen and ended unreported (--deadlocks=off)");
	weft__X->blocked_off = true;
	weft__end_execution(weft__X->pruned ? EXEC_PRUNED : EXEC_OK);
}

_Noreturn void weft__fail(const char *kind, const struct weft_loc *loc,
			  const char *fmt, ...)
{
	va_list ap;

	if (__builtin_expect(weft__opts.deadlocks_off, 0) &&
	    !strcmp(kind, WEFT__K(DEADLOCK)))
		deadlock_ignored();
	if (here_op) {
		mark_call(loc, here_op);
		here_op = NULL;
	} else if (strcmp(kind, WEFT__K(MISUSE)) == 0) {
		va_start(ap, fmt);
		mark_misuse(loc, fmt, ap);
		va_end(ap);
	}
	va_start(ap, fmt);
	end_with(kind, loc, EXEC_BUG, fmt, ap);
}

static const char process_obj = 0;

/* The process ends: one step that conflicts with every other thread's
 * next step (threads that have not run by then never run).  Only from a
 * test thread of a running execution, not from set-up hooks or the
 * epilogue: whether the step was taken. */
static bool end_step(const char *name, const char *objname,
		     const struct weft_loc *loc)
{
	struct weft__exec *X = weft__X;
	struct weft__op op = { .name = name, .obj = &process_obj,
			       .objname = objname, .access = WEFT__ACC_WRITE,
			       .ends_process = true, .loc = loc };

	if (!X || X->cur < 0 || X->in_epilogue)
		return false;
	weft__visible(&op);
	return true;
}

/* A refused call ends the execution where it is made, as the end of the
 * process would (end_step), so that the search also runs the others
 * first (a thread's failed assertion before main's fork() was never
 * tried, and the verdict said only that fork() is unsupported).  Not for
 * a refusal made while taking that very step. */
static bool refuse_point(const char *name, const struct weft_loc *loc)
{
	/* The execution whose refusal is taking its step: the step may end
	 * the execution (a redundant one), and never return. */
	static long in_point = -1;
	bool took;

	if (in_point == weft__exec_gen())
		return true;
	in_point = weft__exec_gen();
	took = end_step(name, NULL, loc);
	if (took)
		weft__step_note("[here]");
	in_point = -1;
	return took;
}

bool weft__cut_hides;

_Noreturn void weft__limit(const char *reason, const struct weft_loc *loc,
			   const char *fmt, ...)
{
	static const char unsup[] = "unsupported: ";
	bool ordered = false;
	va_list ap;

	/* A call weft refuses is no step either: a thread that made it had
	 * no row of it, and no column when it was its first act (a worker
	 * polling its event loop's pipe; the report named no thread). */
	if (!strncmp(reason, unsup, sizeof unsup - 1)) {
		char op[24];
		const char *call = reason + sizeof unsup - 1;
		size_t k = strcspn(call, "(:;");

		while (k > 0 && call[k - 1] == ' ')
			k--;
		snprintf(op, sizeof op, "%.*s", (int)(k < 23 ? k : 23), call);
		/* (Named in the pool: the trace outlives this frame.) */
		ordered = refuse_point(weft__intern(op), loc);
		mark_call(loc, op);
	}
	/* Whether the cut may hide another thread's steps from the search:
	 * not when the refusal was a step ordered against every other
	 * thread's next one, nor when the program had started no thread yet
	 * (every schedule is this one up to here).  Not merely when the
	 * others had ended: the step and memory limits count every thread's
	 * steps and blocks, in whatever order they commute.  The default
	 * strategy's fallback to random schedules looks for what a cut hid,
	 * and ran 999 executions of a program that calls alarm() first
	 * (explore/loop.c). */
	weft__cut_hides = !ordered && weft__X && weft__X->nthreads > 1;
	va_start(ap, fmt);
	end_with(reason, loc, EXEC_LIMIT, fmt, ap);
}

/* The process ends (end_step), then the execution, whatever the other
 * threads are doing. */
_Noreturn void weft__exec_exit(int status)
{
	struct weft__exec *X;

	(void)status;
	if (end_step("exit", "process", NULL))
		weft__exit_wait_cycle();
	X = weft__X;
	weft__end_execution(X && X->pruned ? EXEC_PRUNED : EXEC_OK);
}
