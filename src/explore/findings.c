/* src/explore/findings.c - the verdict's record of what a search found:
 * a search that checked nothing (every execution cut short) is no
 * verification; findings ranked by severity (src/kinds.def), the worst
 * one made the verdict's; the first limit of weft that cut an
 * execution. */
#include <stdio.h>
#include <string.h>

#include "explore.h"
#include "sched/run.h"

void weft__check_all_pruned(struct weft__shm *S)
{
	/* A random or PCT search whose every execution was pruned said
	 * `pass (0 executions ...)`, as if something had run (a review's
	 * probe); it is the same case as an exhaustive one's. */
	if ((S->v.verdict != VERDICT_VERIFIED &&
	     (S->v.verdict != VERDICT_PASS || !S->v.pruned)) ||
	    S->v.executions)
		return;
	S->v.verdict = VERDICT_INCONCLUSIVE;
	snprintf(S->v.reason, sizeof S->v.reason, "all-pruned");
	/* What ran before each cut was checked (an error there is
	 * reported); what no execution reached was not.  It said "nothing
	 * was checked" (a probe of SV-COMP-style programs). */
	snprintf(S->v.message, sizeof S->v.message,
		 "every execution was cut short: %ld by a failed assumption, "
		 "%ld as redundant; what ran before the cuts was checked, "
		 "and no execution ran to its end (an assumption that the "
		 "nondet values weft tries all fail, see their note, prunes "
		 "every execution)",
		 S->v.pruned, S->v.redundant);
	S->t.nsteps = S->t.ndec = 0; /* no trace to show */
}

/* Non-fatal findings, most severe first, by the rank column of
 * src/kinds.def: a data race before a lock-order cycle before a leak.  The
 * verdict names the most severe one found and shows the trace of the
 * execution that first produced it. */
int weft__finding_rank(const char *kind)
{
	const struct weft__kind_info *k = weft__kind_named(kind);

	return k ? k->rank : WEFT__RANK_OTHER;
}

int weft__worst_finding(const struct weft__verdict *V, int from)
{
	int best = -1;

	for (int i = from; i < V->nfindings; i++)
		if (best < 0 || weft__finding_rank(V->findings[i].kind) <
				       weft__finding_rank(V->findings[best].kind))
			best = i;
	return best;
}

void weft__verdict_first_limit(struct weft__verdict *V, const char *kind)
{
	if (kind && kind[0] && !V->limit_first[0])
		snprintf(V->limit_first, sizeof V->limit_first, "%s", kind);
}

void weft__verdict_limited(struct weft__verdict *V, const char *kind)
{
	V->limited++;
	weft__verdict_first_limit(V, kind);
}

void weft__finding_lead(struct weft__verdict *V, int i)
{
	if (i > 0) {
		struct weft__finding f = V->findings[i];
		memmove(&V->findings[1], &V->findings[0],
			sizeof f * (size_t)i);
		V->findings[0] = f;
	}
	snprintf(V->kind, sizeof V->kind, "%s", V->findings[0].kind);
	snprintf(V->message, sizeof V->message, "%s", V->findings[0].msg);
}
