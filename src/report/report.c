/* src/report/report.c - the per-test text report, built by the parent from
 * the shared record, so a worker that crashed or was killed is reported
 * like any other (json.c writes the same as JSON Lines). */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "explore/explore.h"

const char *weft__verdict_name(int v)
{
	return v == VERDICT_BUG		     ? "bug"
	       : v == VERDICT_VERIFIED	     ? "verified"
	       : v == VERDICT_INCONCLUSIVE ? "inconclusive"
					     : "pass";
}

char *weft__report_token(const struct weft_test *t, struct weft__shm *S)
{
	struct weft__trace *T = &S->t;

	if (S->v.token_kept)
		return strdup(S->v.found_token);
	return weft__token_encode(t->name, weft__trace_dec(T), T->ndec, T->ctx,
				  T->nctx);
}

static void plural(FILE *out, long n, const char *what)
{
	fprintf(out, "%ld %s%s", n, what, n == 1 ? "" : "s");
}

/* What cut the executions a limit or a refused call ended.  A refused
 * call is no limit of the search's (a probe read "999 cut by limits" of a
 * program whose every run called fork()). */
static const char *cut_by(const struct weft__verdict *V)
{
	if (strncmp(V->limit_first, "unsupported", 11))
		return "limits";
	return V->limited > 1 ? "limits or unsupported calls"
			      : "an unsupported call";
}

/* Executions that checked nothing, after the count of those that did. */
static void cut_short(FILE *out, const struct weft__verdict *V)
{
	if (V->pruned)
		fprintf(out, ", %ld pruned by assumptions", V->pruned);
	if (V->redundant)
		fprintf(out, ", %ld redundant", V->redundant);
	if (!V->limited)
		return;
	/* Every execution cut: "0 executions, 999 cut" read as if none ran
	 * (a review's finding); the count is the cut ones then. */
	if (!V->executions && !V->pruned && !V->redundant)
		fprintf(out, ", %s cut by %s",
			V->limited == 1 ? "the only one" : "each", cut_by(V));
	else
		fprintf(out, ", %ld cut by %s", V->limited, cut_by(V));
	/* Which, unless the verdict's reason says it already. */
	if (V->limit_first[0] && !(V->verdict == VERDICT_INCONCLUSIVE &&
				   !strcmp(V->reason, V->limit_first)))
		fprintf(out, " (%s%s)", V->limited > 1 ? "the first: " : "",
			V->limit_first);
}

/* The --stale-bound a verification holds within, after the interleaving
 * bounds ("with at most 2 preemptions and 1 load reading ..."). */
static void stale_bound(FILE *out, const struct weft__verdict *V)
{
	const char *join = V->bound >= 0 || V->fair_bound >= 0 ? " and"
							       : " with";

	if (V->stale_bound == 0)
		fprintf(out, "%s no load reading an older store", join);
	else if (V->stale_bound > 0)
		fprintf(out, "%s%s %ld load%s reading an older store", join,
			V->bound >= 0 || V->fair_bound >= 0 ? "" : " at most",
			V->stale_bound, V->stale_bound == 1 ? "" : "s");
}

static void summary_line(FILE *out, const struct weft__verdict *V)
{
	bool unbounded = V->bound < 0 && V->fair_bound < 0 &&
			 V->stale_bound < 0 && !V->spurious_capped &&
			 !V->unexplored;

	/* A shard's verdict covers its part only: 'weft merge' gives the
	 * test's. */
	if (weft__opts.nshards)
		fprintf(out, "shard %d/%d only; ", weft__opts.shard,
			weft__opts.nshards);
	if (V->verdict == VERDICT_VERIFIED) {
		fputs("exhaustive: ", out);
		plural(out, V->executions, "schedule");
		if (V->bound >= 0)
			fprintf(out, " with at most %d preemption%s", V->bound,
				V->bound == 1 ? "" : "s");
		if (V->fair_bound >= 0)
			fprintf(out, "%s %d unfair spin continuation%s",
				V->bound >= 0 ? " and" : " with at most",
				V->fair_bound, V->fair_bound == 1 ? "" : "s");
		if (V->fair_bound >= 0 && V->starve_bound > 0)
			fprintf(out, " (or of a thread that ran %ld step%s "
				     "while others could run)",
				V->starve_bound,
				V->starve_bound == 1 ? "" : "s");
		stale_bound(out, V);
		if (V->spurious_capped)
			fputs(", with at most one spurious wakeup or weak "
			      "compare-exchange failure per thread", out);
		/* A probe's load-buffering program was "every interleaving
		 * (no bound needed)" with the limit in a note only. */
#define UNEXPLORED(id, name, clause)                                          \
		if (V->unexplored & WEFT__UNEXPLORED(id))                     \
			fputs(clause, out);
#include "unexplored.def"
#undef UNEXPLORED
		if (unbounded && !V->inputs_sampled)
			fputs(", every interleaving (no bound needed)", out);
		else if (unbounded)
			fputs(", every interleaving, for the nondet values "
			      "noted only", out);
		else if (V->inputs_sampled)
			fputs(", for the nondet values noted only", out);
		cut_short(out, V);
		return;
	}
	if (V->verdict == VERDICT_INCONCLUSIVE)
		fprintf(out, "%s; ", V->reason);
	/* (Every execution cut: they are the count, cut_short says so.) */
	plural(out, V->executions || V->pruned || V->redundant
			    ? V->executions : V->limited,
	       "execution");
	cut_short(out, V);
	fprintf(out, ", %s", V->strategy);
	/* A replay's one execution is no budget: it ran the token's
	 * schedule and that found no bug (a token whose bug needs an option
	 * the replay was not given, or a program that changed). */
	if (V->verdict == VERDICT_PASS && !strcmp(V->strategy, "replay"))
		fputs(", the replayed execution found no bug", out);
	else if (V->verdict == VERDICT_PASS)
		fputs(", budget spent, no bug found", out);
}

static void print_replay(FILE *out, const struct weft_test *t,
			 const char *argv0, const char *tok)
{
	char *cmd = weft__replay_command(t, argv0, tok);

	fprintf(out, "replay: %s\n", cmd);
	free(cmd);
}

/* A finding that ends no execution (a data race) lets the search go on
 * for a worse bug: how far it went, when that was well past the finding
 * (a race found in execution 1 "in 0.00 s" of a run that took seconds
 * more said nothing of them). */
static void went_on(FILE *out, const struct weft__verdict *V)
{
	/* The executions a limit cut count too: a race found in execution
	 * 1 of a run whose 9,999 later executions all ran into --max-steps
	 * (22 s of them) left this line out (a probe's finding). */
	long n = V->executions + V->pruned + V->redundant + V->limited;

	/* Not after a hang or a kill: then the search was cut short. */
	if (V->bug_fatal || V->state != SHM_DONE || n <= V->bug_exec + 1)
		return;
	fprintf(out, "the search went on for %ld execution%s in all (%.2f s) "
		     "and found nothing worse",
		n, n == 1 ? "" : "s", V->seconds);
	/* What it found nothing in: a cut execution checked only what ran
	 * before its limit. */
	if (V->limited)
		fprintf(out, "; %ld of them %s cut by %s", V->limited,
			V->limited == 1 ? "was" : "were", cut_by(V));
	if (V->limited && V->limit_first[0])
		fprintf(out, " (%s%s)", V->limited > 1 ? "the first: " : "",
			V->limit_first);
	fputc('\n', out);
}

static void text_bug(FILE *out, const struct weft_test *t, struct weft__shm *S,
		     const char *argv0)
{
	char *tok = weft__report_token(t, S);
	const struct weft__step *st = weft__trace_steps(&S->t);
	long preempt = 0;

	fprintf(out, "%s: %s\n", S->v.kind, S->v.message);
	if (S->v.detail_len) {
		const char *p = S->v.detail;
		while (*p) {
			const char *e = strchr(p, '\n');
			int l = e ? (int)(e - p) : (int)strlen(p);
			fprintf(out, "  %.*s\n", l, p);
			p += l + (e ? 1 : 0);
		}
	}
	weft__trace_draw(out, S, weft__opts.verbose, S->t.blocked);
	if (S->v.token_kept) {
		fprintf(out, "\nfound by %s%s in execution %ld (%.2f s)\n",
			S->v.bug_probe ? "a give-up probe of " : "",
			S->v.strategy, S->v.bug_exec + 1, S->v.bug_seconds);
		went_on(out, &S->v);
		print_replay(out, t, argv0, tok);
		free(tok);
		return;
	}
	for (long i = 1; i < S->t.nsteps; i++)
		if (st[i].tid != st[i - 1].tid)
			preempt++;
	fprintf(out, "\nfound by %s%s in execution %ld (%.2f s); %ld step%s, %ld "
		     "context switch%s, %d preemption%s\n",
		S->v.bug_probe ? "a give-up probe of " : "",
		S->v.strategy, S->v.bug_exec + 1, S->v.bug_seconds, S->t.nsteps,
		S->t.nsteps == 1 ? "" : "s", preempt, preempt == 1 ? "" : "es",
		S->t.preemptions, S->t.preemptions == 1 ? "" : "s");
	went_on(out, &S->v);
	print_replay(out, t, argv0, tok);
	free(tok);
}

/* Why the test is inconclusive, and where the limit was met. */
static void text_inconclusive(FILE *out, const struct weft_test *t,
			      struct weft__shm *S, const char *argv0)
{
	char *tok;

	fprintf(out, "%s: %s\n", S->v.reason, S->v.message);
	if (S->t.nsteps == 0)
		return;
	weft__trace_draw(out, S, weft__opts.verbose, S->t.blocked);
	tok = weft__report_token(t, S);
	fprintf(out, "\nin execution %ld; %ld steps\n", S->v.bug_exec + 1,
		S->t.nsteps);
	print_replay(out, t, argv0, tok);
	free(tok);
}

/* Threads that never touched the same memory or object: either they
 * share nothing, or they share it where weft cannot see (code not built
 * with weft-cc, inline assembly, a C library call it does not check), and
 * the verdict should say that it
 * rests on that.  Only a whole search of one process tells: the counts of
 * parallel jobs and shards are not merged. */
const char *weft__verdict_note_text(const struct weft__verdict *V)
{
	/* A shard's part may hold only cut executions while another's ran
	 * to the end; the part alone said `verified (0 schedules)` and
	 * exited 0 (a probe), which a job array's green light took for the
	 * test's verdict. */
	if (weft__opts.nshards && !V->executions &&
	    (V->verdict == VERDICT_VERIFIED || V->verdict == VERDICT_PASS))
		return "no execution of this shard's part ran to its end "
		       "(each was cut by an assumption, as redundant, or by a "
		       "limit): only 'weft merge' of every shard's result "
		       "says whether any execution of the test did; if none "
		       "did, the test is inconclusive (all-pruned)";
	if ((V->verdict != VERDICT_VERIFIED && V->verdict != VERDICT_PASS) ||
	    !V->spawned || V->shared_seen || V->split ||
	    weft__opts.jobs > 1 || weft__opts.nshards > 1)
		return NULL;
	return "threads were created, but no shared access between them was "
	       "seen: was all the code built with weft-cc?  Inline-assembly "
	       "atomics are invisible to weft (build such a library with its "
	       "compiler-builtin atomics), and so is memory that only a C "
	       "library call weft does not check reads or writes (the README "
	       "lists those it checks)";
}

void weft__report_text(FILE *out, const struct weft_test *t,
		       struct weft__shm *S, const char *argv0)
{
	const char *note = weft__verdict_note_text(&S->v);

	fprintf(out, "== %s: %s", t->name, weft__verdict_name(S->v.verdict));
	if (S->v.verdict == VERDICT_BUG)
		fprintf(out, " (%s)\n", S->v.kind);
	else {
		fputs(" (", out);
		summary_line(out, &S->v);
		fprintf(out, "; %.2f s)\n", S->v.seconds);
	}
	if (S->v.verdict == VERDICT_BUG)
		text_bug(out, t, S, argv0);
	if (S->v.verdict == VERDICT_INCONCLUSIVE)
		text_inconclusive(out, t, S, argv0);
	/* The reason asm-atomics marks data races as possible ones
	 * (explore/asm_verdict.c); an inconclusive verdict with findings is
	 * one of such races, the first of which its message tells. */
	for (int i = 0; i < S->v.nfindings; i++) {
		bool inc = S->v.verdict == VERDICT_INCONCLUSIVE &&
			   !strcmp(S->v.reason, "asm-atomics");
		if (((S->v.verdict == VERDICT_BUG &&
		      strcmp(S->v.kind, S->v.findings[0].kind) == 0 &&
		      strcmp(S->v.message, S->v.findings[0].msg) == 0) ||
		     inc) && i == 0)
			continue;
		fprintf(out, "%s%s%s: %s\n",
			S->v.verdict == VERDICT_BUG || inc ? "also " : "",
			weft__possible_race(&S->v, i) ? "possible " : "",
			S->v.findings[i].kind,
			S->v.findings[i].msg);
	}
	if (note)
		fprintf(out, "note: %s\n", note);
	for (int i = 0; i < S->v.nnotes; i++)
		fprintf(out, "note: %s\n", S->v.notes[i]);
	fflush(out);
}
