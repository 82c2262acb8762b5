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
 * happened in that execution, and stays one; so does a leak or a
 * lock-order cycle found beside the races; a run that makes no claim of
 * completeness (pass) keeps only the note. */
int weft__asm_verdict(struct weft__verdict *V, int verdict)
{
	const char *fn = weft__asm_first();
	int other;

	if (!weft__asm_atomics() ||
	    (verdict != VERDICT_VERIFIED &&
	     (verdict != VERDICT_BUG || V->bug_fatal)))
		return verdict;
	/* The reason marks the races as possible ones in every report
	 * (report.c, results.c), under a bug verdict too. */
	snprintf(V->reason, sizeof V->reason, "asm-atomics");
	if (verdict == VERDICT_VERIFIED) {
		asm_nothing(V, fn);
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
