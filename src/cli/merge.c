/* src/cli/merge.c - --merge=FILE...: one report from the JSON results of
 * the shards (--shard=K/N --json=FILE) of a run, as if one process had
 * explored everything.
 *
 * Per test: every shard 1..N must be there exactly once.  The verdict is
 * "verified" only if every shard verified its part; otherwise the most
 * telling outcome wins: a bug that ended an execution, before a finding
 * reported at the end (by severity), before an inconclusive part, each the
 * earliest by leaf of the split search (by shard for random and PCT).  The
 * counts are the shards' sums.  A bug's report (trace, text, JUnit, SARIF)
 * is rebuilt by replaying its token here, so every output format is the
 * one a single run writes.
 *
 * The reader knows only the JSON Lines weft writes (src/report/json.c):
 * top-level fields are found by their quoted name followed by a colon,
 * which inside a JSON string would have its quote escaped. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore/explore.h"
#include "report/report.h"
#include "options.h"

struct rec {
	char *test, *verdict, *kind, *reason, *strategy, *replay, *file;
	char *message, *command, *first_limit;
	long executions, pruned, redundant, limited, total_steps, bug_leaf;
	long split, bug_exec;
	int shard, nshards, bound, fair_bound;
	int asked_bound, asked_fair; /* the bounds the shard was run with */
	long starve_bound, stale_bound;
	bool inputs_sampled, spurious_capped;
	unsigned unexplored;      /* WEFT__UNEXPLORED(ID) bits */
	double seconds;
	bool fatal;
	bool took_over;           /* restarted and explored the whole test */
};

static struct rec *recs;
static int nrecs;

/* As many as --shard=K/N accepts. */
#define MAX_SHARDS 4096

/* ---- reading ----------------------------------------------------------- */

/* The value of "name": in a line of JSON, with or without blanks around
 * the colon (a file re-written by Python's json.dumps, which puts a
 * blank after it, was "not a weft result"). */
static const char *field(const char *line, const char *name)
{
	char key[64];
	const char *p = line;

	snprintf(key, sizeof key, "\"%s\"", name);
	while ((p = strstr(p, key))) {
		p += strlen(key);
		p += strspn(p, " \t");
		if (*p == ':')
			return p + 1 + strspn(p + 1, " \t");
	}
	return NULL;
}

/* A string field, unescaped (\uXXXX other than ASCII becomes '?'); NULL
 * when absent or null. */
static char *str_field(const char *line, const char *name)
{
	const char *p = field(line, name);
	char *out, *o;

	if (!p || *p != '"')
		return NULL;
	o = out = malloc(strlen(p) + 1);
	for (p++; *p && *p != '"'; p++) {
		if (*p != '\\') {
			*o++ = *p;
			continue;
		}
		p++;
		if (*p == 'n')
			*o++ = '\n';
		else if (*p == 'u' && strlen(p) >= 5) {
			unsigned v = (unsigned)strtoul((char[5]){ p[1], p[2], p[3], p[4], 0 }, NULL, 16);
			*o++ = v < 0x80 ? (char)v : '?';
			p += 4;
		} else if (*p)
			*o++ = *p;
		else
			break;
	}
	*o = 0;
	return out;
}

/* The first numeric field of the line being read that is no integer
 * weft writes (NULL: none so far). */
static const char *bad_num;

/* An integer field, dflt when absent or null.  Anything else that is no
 * plain integer within lo..hi (1e400, 2.5, a number past a long) is
 * noted in bad_num: strtol read 1e400 as 1, and the merge added it
 * without a word (a probe). */
static long num_range(const char *line, const char *name, long dflt, long lo,
		      long hi)
{
	const char *p = field(line, name);
	char *end;
	long v;

	if (!p || !strncmp(p, "null", 4))
		return dflt;
	errno = 0;
	v = strtol(p, &end, 10);
	if (end == p || (*p != '-' && (*p < '0' || *p > '9')) ||
	    errno == ERANGE || v < lo || v > hi ||
	    !strchr(",} \t\r\n", *end) || !*end) {
		if (!bad_num)
			bad_num = name;
		return dflt;
	}
	return v;
}

static long num_field(const char *line, const char *name, long dflt)
{
	return num_range(line, name, dflt, LONG_MIN, LONG_MAX);
}

/* A bound's field: an int. */
static int int_field(const char *line, const char *name, int dflt)
{
	return (int)num_range(line, name, dflt, INT_MIN, INT_MAX);
}

/* A JSON boolean field: true only when it says true. */
static bool bool_field(const char *line, const char *name)
{
	const char *p = field(line, name);

	return p && !strncmp(p, "true", 4);
}

/* A shard's verdict, -1 for a word weft never writes. */
static int verdict_of(const char *v)
{
	return !strcmp(v, "bug")	    ? VERDICT_BUG
	       : !strcmp(v, "verified")     ? VERDICT_VERIFIED
	       : !strcmp(v, "inconclusive") ? VERDICT_INCONCLUSIVE
	       : !strcmp(v, "pass")	    ? VERDICT_PASS
					    : -1;
}

static bool parse_line(const char *line, const char *file, struct rec *r)
{
	char *sh = str_field(line, "shard");

	memset(r, 0, sizeof *r);
	bad_num = NULL;
	r->test = str_field(line, "test");
	r->verdict = str_field(line, "verdict");
	/* A test that ended in an error has no part to add. */
	if (r->test && r->verdict && !strcmp(r->verdict, "error")) {
		fprintf(stderr, "weft: %s: test %s ended in an error (it took "
				"another path when re-run), nothing to "
				"merge\n", file, r->test);
		free(sh);
		return false;
	}
	/* A line that is no result of weft's (a corrupt or foreign file)
	 * says so, and so does a verdict weft never writes, which merging
	 * took for a pass. */
	if (!r->test || !r->verdict || verdict_of(r->verdict) < 0) {
		fprintf(stderr, "weft: %s: not a weft result (a line without "
				"a test and a verdict of bug, verified, "
				"inconclusive or pass)\n", file);
		free(sh);
		return false;
	}
	if (!sh || sscanf(sh, "%d/%d", &r->shard, &r->nshards) != 2 ||
	    r->nshards < 1 || r->nshards > MAX_SHARDS || r->shard < 1 ||
	    r->shard > r->nshards) {
		fprintf(stderr, "weft: %s: test %s: not a shard's result (run "
				"with --shard=K/N --json=FILE)\n", file, r->test);
		free(sh);
		return false;
	}
	free(sh);
	r->file = strdup(file);
	r->kind = str_field(line, "kind");
	r->reason = str_field(line, "reason");
	r->first_limit = str_field(line, "first_limit");
	r->strategy = str_field(line, "strategy");
	r->replay = str_field(line, "replay");
	r->command = str_field(line, "command");
	r->message = str_field(line, "message");
	r->executions = num_field(line, "executions", 0);
	r->pruned = num_field(line, "pruned", 0);
	r->redundant = num_field(line, "redundant", 0);
	r->limited = num_field(line, "limited", 0);
	r->total_steps = num_field(line, "total_steps", 0);
	r->bug_leaf = num_field(line, "bug_leaf", -1);
	r->bug_exec = num_field(line, "bug_execution", 1) - 1;
	r->split = num_field(line, "split", 0);
	r->bound = int_field(line, "preemption_bound", -1);
	r->asked_bound = int_field(line, "asked_preemption_bound", -3);
	r->asked_fair = int_field(line, "asked_fair_bound", -3);
	r->fair_bound = int_field(line, "fair_bound", -1);
	r->starve_bound = num_field(line, "starve_bound", -1);
	r->stale_bound = num_field(line, "stale_bound", -1);
	r->inputs_sampled = bool_field(line, "inputs_sampled");
	r->spurious_capped = bool_field(line, "spurious_capped");
	r->unexplored = 0;
#define UNEXPLORED(id, name, clause)                                          \
	if (bool_field(line, name))                                           \
		r->unexplored |= WEFT__UNEXPLORED(id);
#include "unexplored.def"
#undef UNEXPLORED
	r->fatal = bool_field(line, "fatal");
	r->took_over = bool_field(line, "took_over");
	const char *s = field(line, "seconds");
	r->seconds = s ? strtod(s, NULL) : 0;
	/* Counts no run writes (negative, past a long, or no integer at
	 * all) are a damaged file's, not a part to add: they merged into
	 * "verified (-3 schedules)" (a helper's probe), and 1e400 into 1. */
	if (r->executions < 0 || r->pruned < 0 || r->redundant < 0 ||
	    r->limited < 0 || r->total_steps < 0 ||
	    r->executions == LONG_MAX || r->total_steps == LONG_MAX ||
	    !(r->seconds >= 0 && r->seconds < 1e12)) {
		fprintf(stderr, "weft: %s: test %s: not a weft result (a count "
				"below 0 or out of range)\n", file, r->test);
		return false;
	}
	if (bad_num) {
		fprintf(stderr, "weft: %s: test %s: not a weft result (a "
				"number out of range or no integer: \"%s\")\n",
			file, r->test, bad_num);
		return false;
	}
	/* A bug weft reports has a kind and a replay token; one without
	 * (a hand-edited verdict) merged into "bug ()" with a made-up
	 * token that replayed something else. */
	if (verdict_of(r->verdict) == VERDICT_BUG && (!r->kind || !r->replay)) {
		fprintf(stderr, "weft: %s: test %s: not a weft result (a bug "
				"without its kind and replay token)\n", file,
			r->test);
		return false;
	}
	return true;
}

bool weft__merge_load(void)
{
	for (int f = 0; f < weft__outputs.nmerge; f++) {
		const char *name = weft__outputs.merge[f];
		FILE *in = fopen(name, "r");
		char *line = NULL;
		size_t cap = 0;
		if (!in) {
			fprintf(stderr, "weft: cannot read %s: %s\n", name,
				strerror(errno));
			return false;
		}
		while (getline(&line, &cap, in) > 0) {
			/* Blank lines are no record; any other line that is
			 * no JSON object is a damaged file, which was skipped
			 * without a word (a probe). */
			if (!line[strspn(line, " \t\r\n")])
				continue;
			if (line[0] != '{') {
				fprintf(stderr, "weft: %s: not a weft result (a "
						"line that is no JSON object)\n",
					name);
				fclose(in);
				free(line);
				return false;
			}
			recs = realloc(recs, sizeof *recs * (size_t)(nrecs + 1));
			if (!parse_line(line, name, &recs[nrecs])) {
				fclose(in);
				free(line);
				return false;
			}
			nrecs++;
		}
		free(line);
		fclose(in);
	}
	return true;
}

/* ---- combining ------------------------------------------------------------ */

/* The same order as the jobs of one process (parts.c). */
/* An inconclusive shard with nothing of its own to show (no replay):
 * its program has inline-assembly atomics, and its search found
 * nothing. */
static bool asm_only(const struct rec *r)
{
	return r->reason && !strcmp(r->reason, "asm-atomics") && !r->replay;
}

static bool better(const struct rec *a, const struct rec *b)
{
	int va = verdict_of(a->verdict), vb = verdict_of(b->verdict);
	long ka = a->split ? a->bug_leaf : a->shard;
	long kb = b->split ? b->bug_leaf : b->shard;

	if (va == VERDICT_BUG && vb == VERDICT_BUG) {
		if (a->fatal != b->fatal)
			return a->fatal;
		if (!a->fatal && a->kind && b->kind &&
		    weft__finding_rank(a->kind) != weft__finding_rank(b->kind))
			return weft__finding_rank(a->kind) <
			       weft__finding_rank(b->kind);
		return ka < kb;
	}
	if (va == VERDICT_BUG || vb == VERDICT_BUG)
		return va == VERDICT_BUG;
	if (va == VERDICT_INCONCLUSIVE && vb == VERDICT_INCONCLUSIVE) {
		/* A shard that only could not vouch for inline-assembly
		 * atomics (explore/asm_verdict.c) tells less than one a limit cut. */
		bool qa = asm_only(a), qb = asm_only(b);
		if (qa != qb)
			return qb;
		return ka < kb;
	}
	if (va == VERDICT_INCONCLUSIVE || vb == VERDICT_INCONCLUSIVE)
		return va == VERDICT_INCONCLUSIVE;
	return va == VERDICT_PASS && vb == VERDICT_VERIFIED;
}

/* The shards of test t: checked complete, the winner in *best. */
static int gather(const struct weft_test *t, struct rec **mine, int *best)
{
	int n = 0, want = 0;
	bool seen[MAX_SHARDS + 1] = { false };

	for (int i = 0; i < nrecs; i++) {
		if (strcmp(recs[i].test, t->name))
			continue;
		struct rec *r = &recs[i];
		/* The same search cut the same way: a shard bounded by
		 * another --preemption-bound covers another tree, and the
		 * merge claimed a verification of parts that need not cover
		 * one (a probe). */
		if (want && (r->asked_bound != mine[0]->asked_bound ||
			     r->asked_fair != mine[0]->asked_fair)) {
			fprintf(stderr, "weft: merge: test %s: %s is shard %d/%d "
					"of a run with other bounds "
					"(--preemption-bound or --fair-bound)\n",
				t->name, r->file, r->shard, r->nshards);
			return -1;
		}
		if (want && (r->nshards != want || r->split != mine[0]->split)) {
			fprintf(stderr, "weft: merge: test %s: %s is shard %d/%d "
					"of another run (%d shards, split %ld)\n",
				t->name, r->file, r->shard, r->nshards, want,
				mine[0]->split);
			return -1;
		}
		want = r->nshards;
		if (seen[r->shard]) {
			fprintf(stderr, "weft: merge: test %s: shard %d/%d is "
					"there twice (%s)\n",
				t->name, r->shard, r->nshards, r->file);
			return -1;
		}
		seen[r->shard] = true;
		mine[n++] = r;
	}
	for (int k = 1; k <= want; k++)
		if (!seen[k]) {
			fprintf(stderr, "weft: merge: test %s: shard %d/%d is "
					"missing\n", t->name, k, want);
			return -1;
		}
	/* A shard that took the whole test over stands for all of them; a
	 * bug another shard found before still counts. */
	*best = -1;
	for (int i = 0; i < n && *best < 0; i++)
		if (mine[i]->took_over)
			*best = i;
	if (*best < 0) {
		*best = 0;
		for (int i = 1; i < n; i++)
			if (better(mine[i], mine[*best]))
				*best = i;
		return n;
	}
	for (int i = 0; i < n; i++)
		if (!strcmp(mine[i]->verdict, "bug") &&
		    better(mine[i], mine[*best]))
			*best = i;
	return n;
}

/* The options the shard's execution ran with, as its replay command
 * names them after the token (src/report/command.c: words NAME=VALUE or
 * NAME, none with a blank or a quote; in a pthread program's command,
 * inside WEFT_OPTIONS='...'), applied to weft__opts.  Without them the
 * replay of a livelock found with --spin-bound=50, of a leak found with
 * --leaks=all or of a limit met at --max-steps=20 went another way, and
 * the merge lost the shard's bug (exit 2; a probe of the command line).
 * Returns the words' copy, to be freed once the replay is over, or NULL
 * (with a message) for a word the parser refuses. */
static char *apply_shard_options(const struct rec *w)
{
	char err[256], *words, *p, *end;
	struct weft__cli cli = { 0 };
	struct weft__parse ps = { &cli, " (in a shard's replay command)",
				  err, sizeof err };
	const char *at = w->command ? strstr(w->command, w->replay) : NULL;

	words = strdup(at ? at + strlen(w->replay) : "");
	if ((end = strchr(words, '\'')))
		*end = 0;
	for (p = strtok(words, " "); p; p = strtok(NULL, " ")) {
		if (p[0] == '-' && p[1] == '-')
			p += 2;
		if (!weft__options_apply(&ps, p)) {
			fprintf(stderr, "weft: %s: test %s: %s\n", w->file,
				w->test, err);
			free(words);
			return NULL;
		}
	}
	return words;
}

/* The record of the winner: replayed when it has a trace, else made up
 * from its fields. */
static struct weft__shm *winner_record(const struct weft_test *t,
				       const struct rec *w)
{
	static struct weft__shm *S;

	if (w->replay) {
		const char *saved = weft__opts.replay, *strat = weft__opts.strategy;
		const char *err = NULL;

		/* A token the file's editing broke: said, and the other tests
		 * merged (its replay died as weft's internal error, and the
		 * tests after it were lost). */
		if (!weft__token_fits(t->name, w->replay, &err)) {
			fprintf(stderr, "weft: %s: test %s: bad replay token: "
					"%s\n", w->file, t->name, err);
			return NULL;
		}
		weft__opts.replay = w->replay;
		weft__opts.strategy = "replay";
		struct weft__shm *R = weft__explore_test(t);
		weft__opts.replay = saved;
		weft__opts.strategy = strat;
		if (R && R->v.verdict != verdict_of(w->verdict)) {
			fprintf(stderr, "weft: merge: test %s: what shard %d/%d "
					"found does not happen again on replay "
					"(was the program rebuilt?)\n",
				t->name, w->shard, w->nshards);
			return NULL;
		}
		return R;
	}
	if (!S)
		S = weft__shm_create(64);
	memset(S, 0, sizeof *S);
	S->t.cap = 64;
	S->v.verdict = verdict_of(w->verdict);
	snprintf(S->v.reason, sizeof S->v.reason, "%s",
		 w->reason ? w->reason : "");
	snprintf(S->v.message, sizeof S->v.message, "%s",
		 w->message ? w->message : "");
	return S;
}

int weft__merge_test(const struct weft_test *t, const char *argv0)
{
	struct rec **mine = calloc((size_t)nrecs + 1, sizeof *mine);
	int best, n = gather(t, mine, &best);
	struct weft__shm *S;

	if (n <= 0) {
		free(mine);
		return n < 0 ? 2 : -1;
	}
	const struct rec *w = mine[best];
	/* Counts that add past a long are no run's (each shard's was
	 * checked alone, and two near the limit merged into "-4
	 * schedules": a review's probe). */
	{
		long e = 0, p = 0, r = 0, l = 0, st = 0;
		for (int i = 0; i < n; i++)
			if (__builtin_add_overflow(e, mine[i]->executions, &e) ||
			    __builtin_add_overflow(p, mine[i]->pruned, &p) ||
			    __builtin_add_overflow(r, mine[i]->redundant, &r) ||
			    __builtin_add_overflow(l, mine[i]->limited, &l) ||
			    __builtin_add_overflow(st, mine[i]->total_steps,
						   &st)) {
				fprintf(stderr, "weft: merge: test %s: the "
						"shards' counts add up past "
						"what any run counts: not weft "
						"results\n", w->test);
				free(mine);
				return 2;
			}
	}
	/* The shard's options hold for the replay and for the report, whose
	 * replay command names them again; the merge's own come back after. */
	struct weft__opts before = weft__opts;
	char *words = w->replay ? apply_shard_options(w) : strdup("");

	S = words ? winner_record(t, w) : NULL;
	if (!S) {
		weft__opts = before;
		free(words);
		free(mine);
		return 2;
	}
	S->v.executions = S->v.pruned = S->v.redundant = S->v.limited = 0;
	S->v.total_steps = 0;
	S->v.seconds = 0;
	for (int i = 0; i < n; i++) {
		S->v.executions += mine[i]->executions;
		S->v.pruned += mine[i]->pruned;
		S->v.redundant += mine[i]->redundant;
		S->v.limited += mine[i]->limited;
		if (mine[i]->limited)
			weft__verdict_first_limit(&S->v, mine[i]->first_limit);
		S->v.total_steps += mine[i]->total_steps;
		if (mine[i]->seconds > S->v.seconds)
			S->v.seconds = mine[i]->seconds;
	}
	snprintf(S->v.strategy, sizeof S->v.strategy, "%s",
		 w->strategy ? w->strategy : "");
	/* The merged verdict rests on the loosest bounds any part had. */
	S->v.bound = w->bound;
	S->v.fair_bound = w->fair_bound;
	S->v.starve_bound = w->starve_bound;
	S->v.stale_bound = w->stale_bound;
	S->v.parts_exact = true;
	for (int i = 0; i < n; i++) {
		weft__bounds_widen(&S->v, mine[i]->bound, mine[i]->fair_bound,
				   mine[i]->starve_bound, mine[i]->stale_bound);
		S->v.inputs_sampled |= mine[i]->inputs_sampled;
		S->v.spurious_capped |= mine[i]->spurious_capped;
		S->v.unexplored |= mine[i]->unexplored;
		if (mine[i]->took_over)
			S->v.parts_exact = false;
	}
	S->v.split = w->split;
	S->v.bug_exec = w->bug_exec;
	S->v.bug_leaf = w->bug_leaf;
	if (S->v.verdict == VERDICT_VERIFIED)
		weft__check_all_pruned(S);
	free(mine);
	weft__report_test(t, S, argv0);
	weft__opts = before;
	free(words);
	return S->v.verdict == VERDICT_BUG	      ? 1
	       : S->v.verdict == VERDICT_INCONCLUSIVE ? 3
						      : 0;
}
