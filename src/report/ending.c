/* src/report/ending.c - how a worker ended, as a verdict: finished, a
 * crash its signal handler recorded, a hang the parent killed at the time
 * limit, weft's own failure, or a death nothing in the worker saw (a
 * signal it cannot catch, an exit from the middle of an execution). */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "report.h"

/* Turn a worker's crash record into a bug report. */
void weft__crash_to_bug(struct weft__shm *S)
{
	char where[512] = "";
	const char *tname = S->crash_tid >= 0 && S->crash_tid < S->nthreads
				    ? S->thread_names[S->crash_tid]
				    : "weft";
	const char *loc = weft__code_location(S->crash_pc, where, sizeof where);

	S->verdict = VERDICT_BUG;
	S->bug_fatal = true;
	S->bug_leaf = S->leaf;
	snprintf(S->kind, sizeof S->kind, "%s", WEFT__K(CRASH));
	if (S->crash_stack_overflow)
		snprintf(S->message, sizeof S->message,
			 "stack overflow in thread %s%s%s", tname,
			 loc ? " at " : "", loc ? loc : "");
	else
		snprintf(S->message, sizeof S->message,
			 "%s (%s) in thread %s%s%s",
			 sigabbrev_np(S->crash_signal) ? sigabbrev_np(S->crash_signal) : "signal",
			 strsignal(S->crash_signal), tname, loc ? " at " : "",
			 loc ? loc : "");
	if (S->crash_signal == SIGSEGV || S->crash_signal == SIGBUS)
		snprintf(S->detail, sizeof S->detail,
			 "faulting address %p%s\n", S->crash_addr,
			 (uintptr_t)S->crash_addr < 4096 ? " (a null pointer)"
							 : "");
	S->detail_len = (int)strlen(S->detail);
}

/* How a worker died outside weft's control, in words. */
static void exit_message(struct weft__shm *S, int status)
{
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		const char *ab = sigabbrev_np(sig);
		snprintf(S->message, sizeof S->message,
			 "the test process was killed by signal %d (SIG%s, %s) "
			 "in the middle of an execution%s",
			 sig, ab ? ab : "?", strsignal(sig),
			 sig == SIGKILL ? "; SIGKILL cannot be caught, so the "
					  "place is not known (the kernel's "
					  "out-of-memory killer sends it, as "
					  "can another process or the program)"
					: "");
	} else {
		snprintf(S->message, sizeof S->message,
			 "the test process exited with status %d in the "
			 "middle of an execution",
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
}

void weft__report_ending(struct weft__shm *S, int status, bool killed)
{
	/* A worker that died before finishing never named its strategy. */
	if (!S->strategy[0])
		snprintf(S->strategy, sizeof S->strategy, "%s",
			 weft__opts.strategy);
	if (S->state == SHM_CRASHED) {
		weft__crash_to_bug(S);
		S->executions++;
		return;
	}
	if (killed) {
		/* A hang is not shown to be a bug: the code may run a long
		 * loop without a scheduling point, or call something weft
		 * cannot control. */
		S->verdict = VERDICT_INCONCLUSIVE;
		snprintf(S->reason, sizeof S->reason, "time-limit");
		snprintf(S->message, sizeof S->message,
			 "execution %ld reached no scheduling point for %.0f s: "
			 "a long loop without one, or a call weft cannot "
			 "control (blocking I/O, another process)",
			 S->executions + S->pruned + S->redundant + 1,
			 weft__opts.time_limit + 5);
		S->bug_exec = S->executions + S->pruned + S->redundant;
		S->bug_leaf = S->leaf;
		return;
	}
	if (S->state != SHM_DONE && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 3 && !strcmp(S->kind, "internal")) {
		/* weft__die in the worker: weft's own failure. */
		S->verdict = VERDICT_INCONCLUSIVE;
		snprintf(S->reason, sizeof S->reason, "internal");
		S->bug_exec = S->executions + S->pruned + S->redundant;
		return;
	}
	if (S->state != SHM_DONE) {
		S->verdict = VERDICT_BUG;
		S->bug_fatal = true;
		S->bug_leaf = S->leaf;
		snprintf(S->kind, sizeof S->kind, "%s", WEFT__K(CRASH));
		exit_message(S, status);
		S->bug_exec = S->executions + S->pruned;
		S->executions++;
	}
}

