/* src/explore/asm_verdict.c - what a search's verdict may claim of a
 * program with atomic instructions in inline assembly.
 *
 * weft-cc marks the functions that have such instructions (a weak
 * absolute symbol weft_asm_atomic.NAME, report/symbols.c).  weft does not
 * see those instructions: they are no steps, so no order of them is
 * explored, and what they order looks unordered to the race detector.
 * The exploration loop (loop.c) passes every verdict through here. */
#include <stdio.h>
#include <string.h>

#include "explore.h"
#include "report/report.h"
#include "sched/run.h"

/* A search with nothing found: no verification. */
static void asm_nothing(struct weft__verdict *V, const char *fn)
{
	snprintf(V->message, sizeof V->message,
		 "the search found no bug, but the memory accesses in "
		 "inline assembly (in %s) were not interleaved: weft does "
		 "not see them, so this is no verification (use the __atomic "
		 "builtins or <stdatomic.h>)",
		 fn);
	weft__S->t.nsteps = weft__S->t.ndec = 0; /* no trace */
	V->bug_exec = V->bug_leaf = -1; /* none: cli/parts.c */
}

/* A bug that ended an execution which read older stores than the
 * latest (weak memory): an asm fence (mfence, a locked add to the stack)
 * forbids such reads where it runs, and weft did not see it (a correct
 * store-buffering test fenced so came out as an assertion).  The trace
 * stays, as what weft ran. */
static void asm_stale(struct weft__verdict *V, const char *fn, long n)
{
	char msg[sizeof V->message + 200];
	int nl = (int)strcspn(V->message, "\n");

	snprintf(msg, sizeof msg,
		 "%.*s may be no bug: the execution read an older store "
		 "than the latest %ld time%s, which a fence or an atomic "
		 "instruction in inline assembly (in %s) may forbid: weft does "
		 "not see it (use atomic_thread_fence or the __atomic "
		 "builtins)%.900s",
		 nl, V->message, n, n == 1 ? "" : "s", fn, V->message + nl);
	snprintf(V->message, sizeof V->message, "%.1000s", msg);
}

/* A data race as the lead: its first line, then why it may be none,
 * then its accesses' lines. */
static void asm_race(struct weft__verdict *V, const char *fn)
{
	char msg[sizeof V->message + 160];
	int nl = (int)strcspn(V->message, "\n"), head = nl;

	if (head > 0 && V->message[head - 1] == ':')
		head--;
	snprintf(msg, sizeof msg,
		 "%.*s may be a false alarm: memory accesses in inline "
		 "assembly (in %s), which weft does not see, may order its "
		 "accesses%.900s",
		 head, V->message, fn, V->message + nl);
	snprintf(V->message, sizeof V->message, "%.1000s", msg);
}

/* The most severe finding that is no data race, or -1. */
static int worst_not_race(const struct weft__verdict *V)
{
	int best = -1;

	for (int i = 0; i < V->nfindings; i++)
		if (strcmp(V->findings[i].kind, WEFT__K(DATA_RACE)) &&
		    (best < 0 ||
		     weft__finding_rank(V->findings[i].kind) <
			     weft__finding_rank(V->findings[best].kind)))
			best = i;
	return best;
}

/* A search that found nothing is no verification, and data races are
 * no bug weft can stand by (a correct xchg spinlock's counter races):
 * both are inconclusive, with the races' first as the message.  A bug
 * that ended an execution (an assertion, a deadlock of visible waits)
 * happened in that execution, and stays one, unless the execution read
 * an older store than the latest, which an asm fence may forbid; so does
 * a leak or a lock-order cycle found beside the races; a run that makes
 * no claim of completeness (pass) keeps only the note. */
int weft__asm_verdict(struct weft__verdict *V, int verdict)
{
	const char *fn = weft__asm_first();
	long stale = verdict == VERDICT_BUG && V->bug_fatal
			     ? weft__S->t.stale_reads
			     : 0;
	int other;

	if (!weft__asm_atomics() ||
	    (verdict != VERDICT_VERIFIED &&
	     (verdict != VERDICT_BUG || (V->bug_fatal && !stale))))
		return verdict;
	/* The reason marks the races as possible ones in every report
	 * (report.c, results.c), under a bug verdict too. */
	snprintf(V->reason, sizeof V->reason, "asm-atomics");
	if (verdict == VERDICT_VERIFIED) {
		asm_nothing(V, fn);
	} else if (stale) {
		asm_stale(V, fn, stale);
	} else if ((other = worst_not_race(V)) >= 0) {
		/* A leak or a lock-order cycle beside them is the bug. */
		weft__finding_lead(V, other);
		return verdict;
	} else {
		asm_race(V, fn);
	}
	snprintf(V->kind, sizeof V->kind, "asm-atomics");
	return VERDICT_INCONCLUSIVE;
}
