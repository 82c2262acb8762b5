/* src/cli/parts.c - one test's exploration in several parts: the jobs of
 * --jobs=N on this machine and the shards of --shard=K/N on others, and
 * how the jobs' results add up to the result of one process.
 *
 * Random and PCT divide by execution numbers (their seeds): part p of P
 * runs executions p, p+P, ...  The exhaustive search divides by the leaves
 * of its split prefix (src/explore/split.c): part p explores leaves
 * p, p+P, ...  Jobs of one process stop at the first bug any of them finds
 * (the lowest execution or leaf), and the counts are added up to exactly
 * what a single process would have explored up to that bug: every job logs
 * its counters as each of its leaves begins. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "explore/explore.h"
#include "options.h"

/* Leaves a job can log; past this the count is the job's total (the
 * report then says that the counts are not exact). */
#define LOG_CAP (1L << 16)

/* The width of a split when the user names none and the search runs in
 * parts: leaves per part, enough for the parts to balance, few enough
 * that the full branching of the prefix costs little (its sibling orders
 * are cut short by sleep sets, but each costs a partial execution).
 * Measured on bench/exhaustive's cas_family_6 with 2 jobs: width 16 takes
 * 0.57 of the unsplit time, 256 takes 0.93, 4096 takes 3.5.  Shards size
 * the split by their number alone, so that every shard of a run, whatever
 * its --jobs, numbers the same leaves. */
#define SPLIT_PER_PART 8
#define SPLIT_MIN 16

/* How the chosen strategy divides, as its table entry says. */
static int parts_kind(void)
{
	const struct weft__strategy *s = weft__strategy_get(weft__opts.strategy);

	return s ? s->parts : WEFT__PARTS_NONE;
}

void weft__plan_test(struct weft__plan *P)
{
	int kind = parts_kind();
	int shards = weft__opts.nshards ? weft__opts.nshards : 1;

	memset(P, 0, sizeof *P);
	P->jobs = 1;
	P->nshards = 1;
	if (weft__opts.replay)
		return;
	if (kind != WEFT__PARTS_NONE)
		P->jobs = weft__opts.jobs;
	P->nshards = shards;
	P->shard = weft__opts.shard ? weft__opts.shard - 1 : 0;
	if (kind != WEFT__PARTS_SPLIT)
		return;
	if (weft__opts.split)
		P->split = weft__opts.split;
	else if (shards > 1 || P->jobs > 1)
		P->split = SPLIT_PER_PART * (shards > 1 ? shards : P->jobs);
	if (!weft__opts.split && P->split && P->split < SPLIT_MIN)
		P->split = SPLIT_MIN;
}

struct weft__split_log *weft__split_log_create(void)
{
	size_t size = sizeof(struct weft__split_log) +
		      sizeof(struct weft__leaf_mark) * (size_t)LOG_CAP;
	struct weft__split_log *l = mmap(NULL, size, PROT_READ | PROT_WRITE,
					 MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (l == MAP_FAILED)
		weft__die("cannot map the jobs' leaf logs");
	l->cap = LOG_CAP;
	return l;
}

#define CLAIM_BITS (1L << 20)

uint64_t *weft__claims_create(long *n)
{
	uint64_t *c = mmap(NULL, CLAIM_BITS / 8, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (c == MAP_FAILED)
		weft__die("cannot map the jobs' claims");
	*n = CLAIM_BITS;
	return c;
}

/* ---- adding up ----------------------------------------------------------- */

/* The more telling of two outcomes: a bug that ended an execution before
 * one reported at the end, then by severity, then the earlier one (by
 * leaf in a split search, else by execution); an inconclusive outcome
 * before a clean one. */
/* An inconclusive part whose search found nothing, and no limit cut,
 * but whose program has inline-assembly atomics: no execution of its
 * own to show. */
static bool asm_only(const struct weft__verdict *v)
{
	return !strcmp(v->reason, "asm-atomics") && v->bug_exec < 0 &&
	       !v->nfindings;
}

static bool better(const struct weft__verdict *a,
		   const struct weft__verdict *b, bool split)
{
	long ka = split ? a->bug_leaf : a->bug_exec;
	long kb = split ? b->bug_leaf : b->bug_exec;

	if (a->verdict == VERDICT_BUG && b->verdict == VERDICT_BUG) {
		if (a->bug_fatal != b->bug_fatal)
			return a->bug_fatal;
		if (!a->bug_fatal) {
			int ra = weft__finding_rank(a->kind);
			int rb = weft__finding_rank(b->kind);
			if (ra != rb)
				return ra < rb;
		}
		return ka < kb;
	}
	if (a->verdict == VERDICT_BUG || b->verdict == VERDICT_BUG)
		return a->verdict == VERDICT_BUG;
	if (a->verdict == VERDICT_INCONCLUSIVE &&
	    b->verdict == VERDICT_INCONCLUSIVE) {
		/* A part that only could not vouch for inline-assembly
		 * atomics (explore/asm_verdict.c) tells less than one a limit cut. */
		if (asm_only(a) != asm_only(b))
			return asm_only(b);
		return ka < kb;
	}
	return a->verdict == VERDICT_INCONCLUSIVE &&
	       b->verdict != VERDICT_INCONCLUSIVE;
}

/* What a job (its verdict V) had explored before leaf m began (its
 * totals if it never got there). */
static struct weft__leaf_mark before_leaf(const struct weft__verdict *V,
					  const struct weft__split_log *l,
					  long m, bool *exact)
{
	struct weft__leaf_mark k = { m, V->executions, V->pruned, V->redundant,
				     V->limited };

	for (long i = 0; l && i < l->n; i++)
		if (l->m[i].leaf >= m)
			return l->m[i];
	if (l && l->overflow)
		*exact = false;
	return k;
}

/* The job whose result the merged one is.  Normally the best by better().
 * When a job restarted its search with new racing sites and explored the
 * whole test unsplit (split.c), its result is the verdict, unless
 * another job found a bug before it stopped. */
static int pick(struct weft__shm **S, int n, bool split, int took)
{
	int best = took >= 0 ? took : 0;

	for (int i = 0; i < n; i++)
		if (i != best && (took < 0 || S[i]->v.verdict == VERDICT_BUG) &&
		    better(&S[i]->v, &S[best]->v, split))
			best = i;
	return best;
}

void weft__bounds_widen(struct weft__verdict *v, int bound, int fair,
			long starve, long stale)
{
	if (bound > v->bound)
		v->bound = bound;
	if (fair > v->fair_bound)
		v->fair_bound = fair;
	if (starve > v->starve_bound)
		v->starve_bound = starve;
	if (stale > v->stale_bound)
		v->stale_bound = stale;
}

/* The statements a part's verdict rests on are the whole's too: a part
 * that the fairness bound cut carries its note even when another part's
 * verdict is the one shown (the note came and went with the jobs' timing
 * before). */
static void merge_notes(struct weft__verdict *to,
			const struct weft__verdict *from)
{
	for (int k = 0; k < from->nnotes; k++) {
		bool have = false;
		for (int i = 0; i < to->nnotes; i++)
			have |= to->note_keys[i] == from->note_keys[k];
		if (have || to->nnotes == WEFT__MAX_NOTES)
			continue;
		to->note_keys[to->nnotes] = from->note_keys[k];
		memcpy(to->notes[to->nnotes], from->notes[k],
		       sizeof to->notes[0]);
		to->nnotes++;
	}
}

struct weft__shm *weft__jobs_merge(struct weft__shm **S,
				   struct weft__split_log **logs, int n,
				   bool split, bool *exact)
{
	int best, took = -1;
	long execs = 0, pruned = 0, redundant = 0, limited = 0, steps = 0;
	bool all_verified = true, sampled = false, abandoned = false,
	     capped = false;
	unsigned unexplored = 0;
	double secs = 0;

	*exact = true;
	for (int i = n - 1; i >= 0; i--)
		if (S[i]->v.took_over)
			took = i;
	best = pick(S, n, split, took);
	struct weft__shm *W = S[best];
	/* A bug that ended an execution stops every job: count what each had
	 * explored before the bug's leaf, and the bug's job up to the bug.
	 * After a takeover the leaves no longer mean the same in every job:
	 * the counts are everything the jobs ran, which no longer match one
	 * process's. */
	bool cut = took < 0 && split && n > 1 && W->v.verdict == VERDICT_BUG &&
		   W->v.bug_fatal;
	for (int i = 0; i < n; i++) {
		struct weft__leaf_mark k = { 0, S[i]->v.executions,
					     S[i]->v.pruned, S[i]->v.redundant,
					     S[i]->v.limited };
		if (cut && i != best)
			k = before_leaf(&S[i]->v, logs ? logs[i] : NULL,
					W->v.bug_leaf, exact);
		execs += k.executions;
		pruned += k.pruned;
		redundant += k.redundant;
		limited += k.limited;
		if (k.limited)
			weft__verdict_first_limit(&W->v, S[i]->v.limit_first);
		steps += S[i]->v.total_steps;
		all_verified &= S[i]->v.verdict == VERDICT_VERIFIED;
		if (S[i]->v.seconds > secs)
			secs = S[i]->v.seconds;
		weft__bounds_widen(&W->v, S[i]->v.bound, S[i]->v.fair_bound,
				   S[i]->v.starve_bound, S[i]->v.stale_bound);
		if (i != best && W->v.verdict != VERDICT_BUG)
			merge_notes(&W->v, &S[i]->v);
		sampled |= S[i]->v.inputs_sampled;
		capped |= S[i]->v.spurious_capped;
		unexplored |= S[i]->v.unexplored;
		abandoned |= S[i]->v.abandoned;
	}
	if (cut)
		W->v.bug_exec = execs + pruned + redundant + limited - 1;
	if (took >= 0) {
		W->v.took_over = true;
		*exact = false;
	} else if (W->v.verdict == VERDICT_VERIFIED && !all_verified) {
		/* One part finished, another only sampled: no verification. */
		for (int i = 0; i < n; i++)
			if (S[i]->v.verdict == VERDICT_PASS)
				W = S[i];
	}
	W->v.inputs_sampled = sampled;
	W->v.spurious_capped = capped;
	W->v.unexplored = unexplored;
	W->v.abandoned = abandoned;
	W->v.executions = execs;
	W->v.pruned = pruned;
	W->v.redundant = redundant;
	W->v.limited = limited;
	W->v.total_steps = steps;
	W->v.seconds = secs;
	/* A shard's part may hold nothing: weft merge decides. */
	if (!weft__opts.nshards)
		weft__check_all_pruned(W);
	return W;
}
