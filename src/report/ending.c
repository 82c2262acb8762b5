/* src/report/ending.c - how a worker ended, as a verdict: finished, a
 * crash its signal handler recorded (the program's bug, or weft's own
 * error: crash_owner.c), a hang the parent killed at the time limit,
 * weft's own failure, or a death nothing in the worker saw (a signal it
 * cannot catch, an exit from the middle of an execution). */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "report.h"
#include "explore/explore.h"

/* Is pc in the executable?  The instrumentation's innermost call can be a
 * call into the program from elsewhere: weft's start of a thread, the C
 * library calling back. */
static bool in_program(const void *pc)
{
	return weft__in_executable((uintptr_t)pc);
}

/* A stack overflow is named by the program's innermost instrumented call
 * when there is one and it is in the program's code, since the stack
 * often runs out in weft's or the C library's code; where it ran out
 * follows.  The call site is a return address: the call itself is the
 * byte before. */
static void overflow_message(struct weft__verdict *V, const char *tname,
			     const char *ran_out)
{
	char buf[512] = "";
	const char *call = V->crash_call && in_program(V->crash_call)
				   ? weft__code_location(
					     (const char *)V->crash_call - 1,
					     buf, sizeof buf)
				   : NULL;

	/* A WEFT_TEST thread has 256 KiB where a native thread has 8 MiB:
	 * the overflow may be only weft's smaller stack (a probe's 1 MiB
	 * of recursion), and the message says how to tell. */
	const char *hint = V->crash_default_stack
				   ? "; a WEFT_TEST thread has weft's default "
				     "256 KiB of stack: a larger --stack-size "
				     "tells whether the program needs more"
				   : "";

	if (call)
		snprintf(V->message, sizeof V->message,
			 "stack overflow in thread %s at %s (its innermost "
			 "call%s%s)%s", tname, call,
			 ran_out ? "; the stack ran out at " : "",
			 ran_out ? ran_out : "", hint);
	else
		snprintf(V->message, sizeof V->message,
			 "stack overflow in thread %s%s%s%s", tname,
			 ran_out ? " at " : "", ran_out ? ran_out : "", hint);
}

/* The program's innermost call on the crashing stack, "f.c:12 in g" in
 * where, or NULL. */
static const char *program_call(const struct weft__verdict *V, char *where,
				size_t n)
{
	for (int i = 0; i < 8 && V->crash_callers[i]; i++) {
		const char *c = V->crash_callers[i];
		if (in_program(c))
			return weft__code_location(c - 1, where, n);
	}
	return NULL;
}

/* For a crash outside the program's code (the C library's strlen of a
 * null pointer): the program's innermost call on the crashing stack, as
 * " (called from f.c:12 in g)", or "". */
static const char *caller_note(const struct weft__verdict *V, char *buf,
			       size_t n)
{
	char where[400] = "";

	if (in_program(V->crash_pc) ||
	    !program_call(V, where, sizeof where))
		return "";
	snprintf(buf, n, " (called from %s)", where);
	return buf;
}

/* A crash in weft's model of a call, on a pointer the program gave it
 * (an atomic store through NULL): placed at the program's call, with the
 * model's code after it, as a crash in the program's own code is; it was
 * placed in weft's code, "called from" the program's line.  False, with
 * nothing written, when the crash is not in weft's code or no call of
 * the program is on the stack. */
static bool in_model(struct weft__verdict *V, const char *tname,
		     const char *loc)
{
	char call[400];
	const char *sig = sigabbrev_np(V->crash_signal);
	/* The model's function, not its line: "f.c:190 in mem_value". */
	const char *fn = loc ? strstr(loc, " in ") : NULL;

	if (!loc || !weft__crash_pc_in_weft(V->crash_pc) ||
	    !program_call(V, call, sizeof call))
		return false;
	snprintf(V->message, sizeof V->message,
		 "%s (%s) in thread %s at %s (inside weft's model of the "
		 "call, in %s)",
		 sig ? sig : "signal", strsignal(V->crash_signal), tname, call,
		 fn ? fn + 4 : loc);
	return true;
}

/* Turn a worker's crash record into a bug report. */
void weft__crash_to_bug(struct weft__shm *S)
{
	struct weft__verdict *V = &S->v;
	const struct weft__trace *T = &S->t;
	char where[512] = "", caller[512] = "";
	const char *tname = V->crash_tid >= 0 && V->crash_tid < T->nthreads
				    ? T->thread_names[V->crash_tid]
				    : "weft";
	const char *loc = weft__code_location(V->crash_pc, where, sizeof where);

	V->verdict = VERDICT_BUG;
	V->bug_fatal = true;
	V->bug_leaf = V->leaf;
	snprintf(V->kind, sizeof V->kind, "%s", WEFT__K(CRASH));
	if (V->crash_stack_overflow)
		overflow_message(V, tname, loc);
	else if (!in_model(V, tname, loc))
		snprintf(V->message, sizeof V->message,
			 "%s (%s) in thread %s%s%s%s",
			 sigabbrev_np(V->crash_signal) ? sigabbrev_np(V->crash_signal) : "signal",
			 strsignal(V->crash_signal), tname, loc ? " at " : "",
			 loc ? loc : "", caller_note(V, caller, sizeof caller));
	if (V->crash_sent)
		snprintf(V->detail, sizeof V->detail,
			 "the signal was sent (raise, kill), not a fault\n");
	else if (V->crash_signal == SIGSEGV || V->crash_signal == SIGBUS)
		snprintf(V->detail, sizeof V->detail,
			 "faulting address %p%s\n", V->crash_addr,
			 (uintptr_t)V->crash_addr < 4096 ? " (a null pointer)"
							 : "");
	/* The size may be weft's, not the program's: say which (a probe
	 * took a 400 KiB local array's overflow for the program's bug
	 * alone). */
	if (V->crash_stack_overflow) {
		size_t at = strnlen(V->detail, sizeof V->detail);

		snprintf(V->detail + at, sizeof V->detail - at,
			 "weft gives each WEFT_TEST thread --stack-size=%ld "
			 "bytes, and a pthread the size its attributes ask "
			 "for (glibc's default: 8 MiB); a kernel thread has "
			 "16 KiB\n", weft__opts.stack_size);
	}
	V->detail_len = (int)strlen(V->detail);
}

/* A crash that is weft's own error (crash_owner.c): inconclusive, as
 * weft__die's, naming the signal, weft's code and the program's call
 * it served, if any. */
static void crash_internal(struct weft__shm *S, uintptr_t at)
{
	struct weft__verdict *V = &S->v;
	const struct weft__trace *T = &S->t;
	char where[512] = "", caller[512] = "";
	const char *tname = V->crash_tid >= 0 && V->crash_tid < T->nthreads
				    ? T->thread_names[V->crash_tid]
				    : NULL;
	const char *loc = weft__code_location((const void *)at, where,
					      sizeof where);
	const char *sig = sigabbrev_np(V->crash_signal);

	V->verdict = VERDICT_INCONCLUSIVE;
	snprintf(V->reason, sizeof V->reason, "internal");
	snprintf(V->kind, sizeof V->kind, "internal");
	snprintf(V->message, sizeof V->message,
		 "weft crashed: %s (%s) in weft's own code%s%s%s%s%s; "
		 "weft's error, not the program's",
		 sig ? sig : "signal", strsignal(V->crash_signal),
		 loc ? " at " : "", loc ? loc : "",
		 tname ? " in thread " : "", tname ? tname : "",
		 caller_note(V, caller, sizeof caller));
	if (V->crash_signal == SIGSEGV || V->crash_signal == SIGBUS)
		snprintf(V->detail, sizeof V->detail,
			 "faulting address %p\n", V->crash_addr);
	V->detail_len = (int)strlen(V->detail);
	V->bug_exec = V->executions + V->pruned + V->redundant;
	V->bug_leaf = V->leaf;
}

/* How a worker died outside weft's control, in words. */
static void exit_message(struct weft__verdict *V, int status)
{
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		const char *ab = sigabbrev_np(sig);
		snprintf(V->message, sizeof V->message,
			 "the test process was killed by signal %d (SIG%s, %s) "
			 "in the middle of an execution%s",
			 sig, ab ? ab : "?", strsignal(sig),
			 sig == SIGKILL ? "; SIGKILL cannot be caught, so the "
					  "place is not known (the kernel's "
					  "out-of-memory killer sends it, as "
					  "can another process or the program)"
					: "");
	} else {
		snprintf(V->message, sizeof V->message,
			 "the test process exited with status %d in the "
			 "middle of an execution",
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
}

/* A finding (a data race) is a bug however the search ended.  A worker
 * killed for a hang in a later execution lost the trace of the execution
 * that made the finding, but not the finding, nor that execution's
 * replay token (found_token).  A finding made in the execution that hung
 * keeps that execution's trace and token, whose replay runs into the
 * same hang after the finding. */
static void found_then_killed(struct weft__shm *S, bool sigkill,
			      double secs)
{
	struct weft__verdict *V = &S->v;
	long hung = V->executions + V->pruned + V->redundant + 1;
	int w = weft__worst_finding(V, 0);
	bool earlier = w < V->found_nfind && V->found_token[0];
	char why[160];

	if (sigkill)
		snprintf(why, sizeof why, "was killed from outside (SIGKILL)");
	else
		snprintf(why, sizeof why,
			 "reached no scheduling point for %.0f s", secs);
	weft__finding_lead(V, w);
	/* The hung execution is one a limit ended: the count line says so
	 * (with the asm verdict below, nothing else would). */
	weft__verdict_limited(V, sigkill ? "killed" : "time-limit");
	/* Races of a program with inline-assembly atomics are possible ones
	 * here too (explore/asm_verdict.c): a correct spinlock whose spin in
	 * an unmarked caller hung the search was a bug (a helper's probe). */
	V->verdict = weft__asm_verdict(V, VERDICT_BUG);
	if (earlier) {
		V->detail_len = snprintf(V->detail, sizeof V->detail,
			"(the search stopped in execution %ld, which %s; the "
			"replay below runs the execution that found this)",
			hung, why);
		V->token_kept = true;
		S->t.nsteps = S->t.ndec = 0;
		S->t.nctx = 0;
	} else {
		V->detail_len = snprintf(V->detail, sizeof V->detail,
			"(execution %ld found this, then %s%s)", hung, why,
			sigkill ? "" : " and was stopped; its replay runs "
				       "into the same hang");
		V->bug_exec = hung - 1;
		V->bug_leaf = V->leaf;
	}
	if (V->detail_len >= (int)sizeof V->detail)
		V->detail_len = (int)sizeof V->detail - 1;
}

/* SIGKILL from outside weft: the kernel's out-of-memory killer (weft's
 * shadow memory makes its process several times the program's size), a
 * user, a CI runner's limit.  It cannot be caught, so nothing says where
 * the execution was; it is no bug of the program (a correct program whose
 * worker was killed was a crash, with a replay that diverged).  A finding
 * made before stays the bug it is. */
static void sigkilled(struct weft__shm *S)
{
	struct weft__verdict *V = &S->v;

	if (V->nfindings) {
		found_then_killed(S, true, 0);
		return;
	}
	V->verdict = VERDICT_INCONCLUSIVE;
	snprintf(V->reason, sizeof V->reason, "killed");
	snprintf(V->message, sizeof V->message,
		 "the test process was killed by SIGKILL in execution %ld, "
		 "from outside weft (most often the kernel's out-of-memory "
		 "killer: weft's process is several times the program's "
		 "size); the place is not known",
		 V->executions + V->pruned + V->redundant + 1);
	V->bug_exec = V->executions + V->pruned + V->redundant;
	V->bug_leaf = V->leaf;
	S->t.nsteps = S->t.ndec = 0;
}

/* Where the watchdog last found the hung thread running the program's
 * own code (race_stuck.c), as "; thread T was running at f.c:12 in g",
 * or "": a loop weft could not prove endless is still named. */
static const char *stuck_where(const struct weft__shm *S)
{
	static char buf[1500];
	char where[512];
	int tid = S->v.stuck_tid;
	const char *loc;

	if (!S->v.stuck_pc || tid < 0 || tid >= S->t.nthreads)
		return "";
	loc = weft__code_location(S->v.stuck_pc, where, sizeof where);
	if (!loc)
		return "";
	/* In the C library's code (a loop of printf calls): the program's
	 * innermost call is the place, the library's function a detail (it
	 * named genops.c:555 in _IO_old_init, a probe). */
	if (!in_program(S->v.stuck_pc)) {
		static char both[1100];
		char call[512];
		for (int i = 0; i < 8 && S->v.stuck_callers[i]; i++) {
			const char *c = S->v.stuck_callers[i];
			if (!in_program(c))
				continue;
			if (weft__code_location(c - 1, call, sizeof call)) {
				snprintf(both, sizeof both, "%s (inside %s)",
					 call, loc);
				loc = both;
			}
			break;
		}
	}
	{
		/* A spin on a plain load in inline assembly (a mov, as
		 * concurrencykit's x86_64 ck_pr_load) has no atomic
		 * instruction for the spin probe (race_asm.c) to know it
		 * by: the time limit ends it, and says what weft missed. */
		uintptr_t start;
		bool in_asm = weft__asm_atomics() &&
			      weft__asm_code((uintptr_t)S->v.stuck_pc, &start);

		snprintf(buf, sizeof buf, "; thread %s was running at %s%s",
			 S->t.thread_names[tid], loc,
			 in_asm ? ", a function with inline assembly that "
				  "reads or writes memory, which weft does "
				  "not see: a spin on it waits for a thread "
				  "weft has stopped"
				: "");
	}
	return buf;
}

void weft__report_ending(struct weft__shm *S, int status, bool killed,
			 double hung)
{
	/* A worker that died before finishing never named its strategy. */
	if (!S->v.strategy[0])
		snprintf(S->v.strategy, sizeof S->v.strategy, "%s",
			 weft__opts.strategy);
	if (S->v.state == SHM_CRASHED) {
		uintptr_t at;
		if (weft__crash_in_weft(&S->v, &at)) {
			crash_internal(S, at);
			return;
		}
		weft__crash_to_bug(S);
		/* The crash ended the execution after those counted; the
		 * worker's time is the parent's (jobs.c's settle). */
		S->v.bug_exec = S->v.executions + S->v.pruned + S->v.redundant;
		S->v.bug_seconds = S->v.seconds;
		S->v.executions++;
		return;
	}
	if (killed && S->v.nfindings) {
		found_then_killed(S, false, hung);
		return;
	}
	if (killed) {
		/* A hang is not shown to be a bug: the code may run a long
		 * loop without a scheduling point, or call something weft
		 * cannot control. */
		S->v.verdict = VERDICT_INCONCLUSIVE;
		snprintf(S->v.reason, sizeof S->v.reason, "time-limit");
		snprintf(S->v.message, sizeof S->v.message,
			 "execution %ld reached no scheduling point for %.0f s: "
			 "a long loop without one, or a call weft cannot "
			 "control (blocking I/O, another process)%s",
			 S->v.executions + S->v.pruned + S->v.redundant + 1,
			 hung, stuck_where(S));
		S->v.bug_exec = S->v.executions + S->v.pruned + S->v.redundant;
		S->v.bug_leaf = S->v.leaf;
		/* Counted as found_then_killed counts it (a review found the
		 * two disagreeing). */
		weft__verdict_limited(&S->v, "time-limit");
		return;
	}
	if (S->v.state != SHM_DONE && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 3 && !strcmp(S->v.kind, "internal")) {
		/* weft__die in the worker: weft's own failure. */
		S->v.verdict = VERDICT_INCONCLUSIVE;
		snprintf(S->v.reason, sizeof S->v.reason, "internal");
		S->v.bug_exec = S->v.executions + S->v.pruned + S->v.redundant;
		return;
	}
	if (S->v.state != SHM_DONE && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL) {
		sigkilled(S);
		return;
	}
	if (S->v.state != SHM_DONE) {
		S->v.verdict = VERDICT_BUG;
		S->v.bug_fatal = true;
		S->v.bug_leaf = S->v.leaf;
		snprintf(S->v.kind, sizeof S->v.kind, "%s", WEFT__K(CRASH));
		exit_message(&S->v, status);
		S->v.bug_exec = S->v.executions + S->v.pruned;
		S->v.executions++;
	}
}

