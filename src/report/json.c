/* src/report/json.c - the per-test report as one JSON object per line
 * (JSON Lines), for --format=json and --json=FILE.  The fields are
 * documented in README.md ("What it reports"); tests/golden pins them. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

int weft__utf8_len(const unsigned char *s)
{
	int n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
	uint32_t cp;

	if (!n || s[0] > 0xf4)
		return 0;
	cp = s[0] & (0x7f >> n);
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* no overlong forms, surrogates or code points past U+10FFFF */
	if (cp < (n == 2 ? 0x80u : n == 3 ? 0x800u : 0x10000u) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

void weft__json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		int n;
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else if (*p < 0x80)
			fputc(*p, out);
		else if ((n = weft__utf8_len(p)) > 0) {
			fwrite(p, 1, (size_t)n, out);
			p += n - 1;
		} else
			fputs("\\ufffd", out); /* not UTF-8: JSON must be */
	}
	fputc('"', out);
}

static void json_trace(FILE *out, struct weft__trace *T)
{
	struct weft__step *st = weft__trace_steps(T);

	fputs(",\"trace\":[", out);
	for (long i = 0; i < T->nsteps; i++) {
		const struct weft__step *s = &st[i];
		fprintf(out, "%s{\"step\":%ld,\"thread\":", i ? "," : "", i);
		weft__json_str(out, T->thread_names[s->tid]);
		fprintf(out, ",\"tid\":%d,\"operation\":", s->tid);
		weft__json_str(out, s->op);
		if (s->objname) {
			fputs(",\"object\":", out);
			weft__json_str(out, s->objname);
		}
		if (s->kind == STEP_CHOICE)
			fprintf(out, ",\"value\":%d", s->value);
		if (s->note) {
			fputs(",\"note\":", out);
			weft__json_str(out, s->note);
		}
		fputs(",\"file\":", out);
		weft__json_str(out, s->loc ? s->loc->file : NULL);
		fprintf(out, ",\"line\":%d}", s->loc ? s->loc->line : 0);
	}
	fputc(']', out);
}

/* The racing accesses the text trace draws between the steps (marks.c):
 * a plain access is no step, so the trace array cannot hold it.  Each
 * came after step after_step (-1: before the first); a tag the report
 * shows as "[race]" is "race" here. */
static void json_accesses(FILE *out, struct weft__shm *S)
{
	const struct weft__mark *m = NULL;
	int n = weft__marks_of(weft__marks_exec(S), &m);
	char tag[sizeof m->tag];
	bool first = true;
	int order[64];

	/* In trace order (they were left in the order the races were
	 * found). */
	n = weft__marks_order(m, n, order);
	fputs(",\"accesses\":[", out);
	for (int k = 0; k < n; k++) {
		int i = order[k];
		long pos = m[i].pos < S->t.nsteps ? m[i].pos : S->t.nsteps;
		const char *t = m[i].tag[0] ? m[i].tag : "[race]";
		size_t len = strlen(t);

		if (m[i].tid < 0 || m[i].tid >= WEFT__MAX_THREADS)
			continue;
		if (len >= 2 && t[0] == '[' && t[len - 1] == ']')
			snprintf(tag, sizeof tag, "%.*s", (int)len - 2, t + 1);
		else
			snprintf(tag, sizeof tag, "%s", t);
		fprintf(out, "%s{\"after_step\":%ld,\"thread\":",
			first ? "" : ",", pos - 1);
		first = false;
		weft__json_str(out, S->t.thread_names[m[i].tid]);
		fprintf(out, ",\"tid\":%d,\"operation\":", m[i].tid);
		weft__json_str(out, m[i].op);
		if (m[i].obj[0]) {
			fputs(",\"object\":", out);
			weft__json_str(out, m[i].obj);
		}
		fputs(",\"tag\":", out);
		weft__json_str(out, tag);
		fputs(",\"file\":", out);
		weft__json_str(out, m[i].file);
		fprintf(out, ",\"line\":%d}", m[i].line);
	}
	fputc(']', out);
}

/* A search in parts: its width, the leaf of what it found, and for a
 * shard which one it is and the program `weft merge` runs. */
static void json_parts(FILE *out, const struct weft__verdict *V,
		       const char *argv0)
{
	if (V->split > 0)
		fprintf(out, ",\"split\":%ld", V->split);
	if (V->split > 0 && (V->verdict == VERDICT_BUG ||
			     V->verdict == VERDICT_INCONCLUSIVE))
		fprintf(out, ",\"bug_leaf\":%ld", V->bug_leaf);
	if (V->split > 0 && !V->parts_exact)
		fputs(",\"counts_exact\":false", out);
	if (V->split > 0 && V->took_over)
		fputs(",\"took_over\":true", out);
	if (weft__opts.nshards) {
		char *cmd = weft__program_command(argv0);
		/* The bounds asked for, which every shard of one search
		 * shares (the bounds reached differ from part to part). */
		fprintf(out, ",\"shard\":\"%d/%d\",\"fatal\":%s,"
			     "\"asked_preemption_bound\":%d,"
			     "\"asked_fair_bound\":%d,\"program\":",
			weft__opts.shard, weft__opts.nshards,
			V->bug_fatal ? "true" : "false",
			weft__opts.preemption_bound,
			weft__opts.fair_bound_set ? weft__opts.fair_bound : -2);
		weft__json_str(out, cmd);
		free(cmd);
	}
}

void weft__report_json(FILE *out, const struct weft_test *t,
		       struct weft__shm *S, const char *argv0)
{
	fputs("{\"test\":", out);
	weft__json_str(out, t->name);
	fputs(",\"verdict\":", out);
	weft__json_str(out, weft__verdict_name(S->v.verdict));
	fputs(",\"kind\":", out);
	if (S->v.verdict == VERDICT_BUG)
		weft__json_str(out, S->v.kind);
	else
		fputs("null", out);
	if (S->v.verdict == VERDICT_INCONCLUSIVE) {
		fputs(",\"reason\":", out);
		weft__json_str(out, S->v.reason);
	}
	fprintf(out, ",\"executions\":%ld,\"pruned\":%ld,\"redundant\":%ld,"
		     "\"limited\":%ld,\"strategy\":",
		S->v.executions, S->v.pruned, S->v.redundant, S->v.limited);
	weft__json_str(out, S->v.strategy);
	if (S->v.verdict == VERDICT_VERIFIED) {
		fprintf(out, ",\"preemption_bound\":%d,\"fair_bound\":%d,"
			     "\"starve_bound\":%ld,\"stale_bound\":%ld,"
			     "\"inputs_sampled\":%s,\"spurious_capped\":%s",
			S->v.bound, S->v.fair_bound, S->v.starve_bound,
			S->v.stale_bound,
			S->v.inputs_sampled ? "true" : "false",
			S->v.spurious_capped ? "true" : "false");
#define UNEXPLORED(id, name, clause)                                          \
		fprintf(out, ",\"%s\":%s", name,                              \
			(S->v.unexplored & WEFT__UNEXPLORED(id)) ? "true"     \
								 : "false");
#include "unexplored.def"
#undef UNEXPLORED
	}
	if (S->v.limited && S->v.limit_first[0]) {
		fputs(",\"first_limit\":", out);
		weft__json_str(out, S->v.limit_first);
	}
	fprintf(out, ",\"seconds\":%.3f,\"total_steps\":%ld", S->v.seconds,
		S->v.total_steps);
	json_parts(out, &S->v, argv0);
	if (S->v.verdict == VERDICT_INCONCLUSIVE && S->t.nsteps == 0) {
		fputs(",\"message\":", out);
		weft__json_str(out, S->v.message);
		fputs(",\"replay\":null,\"trace\":[],\"accesses\":[]", out);
	} else if (S->v.verdict == VERDICT_BUG ||
		   S->v.verdict == VERDICT_INCONCLUSIVE) {
		char *tok = weft__report_token(t, S);
		fputs(",\"message\":", out);
		weft__json_str(out, S->v.message);
		fputs(",\"details\":", out);
		weft__json_str(out, S->v.detail);
		fprintf(out, ",\"bug_execution\":%ld,\"steps\":%ld,"
			     "\"preemptions\":%d,\"replay\":",
			S->v.bug_exec + 1, S->t.nsteps, S->t.preemptions);
		weft__json_str(out, tok);
		fputs(",\"command\":", out);
		char *cmd = weft__replay_command(t, argv0, tok);
		weft__json_str(out, cmd);
		free(cmd);
		free(tok);
		json_trace(out, &S->t);
		json_accesses(out, S);
	} else {
		fputs(",\"replay\":null,\"trace\":[],\"accesses\":[]", out);
	}
	fputs(",\"findings\":[", out);
	for (int i = 0; i < S->v.nfindings; i++) {
		fprintf(out, "%s{\"kind\":", i ? "," : "");
		weft__json_str(out, S->v.findings[i].kind);
		fputs(",\"message\":", out);
		weft__json_str(out, S->v.findings[i].msg);
		fputc('}', out);
	}
	fputs("],\"notes\":[", out);
	if (weft__verdict_note_text(&S->v))
		weft__json_str(out, weft__verdict_note_text(&S->v));
	for (int i = 0; i < S->v.nnotes; i++) {
		if (i || weft__verdict_note_text(&S->v))
			fputc(',', out);
		weft__json_str(out, S->v.notes[i]);
	}
	fputs("]}\n", out);
	fflush(out);
}

