/* src/report/report.c - the per-test report, as text or as one JSON object
 * per line.  Both are built by the parent from the shared record, so a
 * worker that crashed or was killed is reported like any other. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

const char *weft__verdict_name(int v)
{
	return v == VERDICT_BUG		     ? "bug"
	       : v == VERDICT_VERIFIED	     ? "verified"
	       : v == VERDICT_INCONCLUSIVE ? "inconclusive"
					     : "pass";
}

char *weft__report_token(const struct weft_test *t, struct weft__shm *S)
{
	return weft__token_encode(t->name, weft__shm_dec(S), S->ndec, S->ctx,
				  S->nctx);
}

static void plural(FILE *out, long n, const char *what)
{
	fprintf(out, "%ld %s%s", n, what, n == 1 ? "" : "s");
}

/* Executions that checked nothing, after the count of those that did. */
static void cut_short(FILE *out, struct weft__shm *S)
{
	if (S->pruned)
		fprintf(out, ", %ld pruned by assumptions", S->pruned);
	if (S->redundant)
		fprintf(out, ", %ld redundant", S->redundant);
	if (S->limited)
		fprintf(out, ", %ld cut by limits", S->limited);
}

static void summary_line(FILE *out, struct weft__shm *S)
{
	if (S->verdict == VERDICT_VERIFIED) {
		fputs("exhaustive: ", out);
		plural(out, S->executions, "schedule");
		if (S->bound >= 0)
			fprintf(out, " with at most %d preemption%s", S->bound,
				S->bound == 1 ? "" : "s");
		if (S->fair_bound >= 0)
			fprintf(out, "%s %d unfair spin continuation%s",
				S->bound >= 0 ? " and" : " with at most",
				S->fair_bound, S->fair_bound == 1 ? "" : "s");
		if (S->bound < 0 && S->fair_bound < 0)
			fputs(", every interleaving (no bound needed)", out);
		cut_short(out, S);
		return;
	}
	if (S->verdict == VERDICT_INCONCLUSIVE)
		fprintf(out, "%s; ", S->reason);
	plural(out, S->executions, "execution");
	cut_short(out, S);
	fprintf(out, ", %s", S->strategy);
	if (S->verdict == VERDICT_PASS)
		fputs(", budget spent, no bug found", out);
}

static void text_bug(FILE *out, const struct weft_test *t, struct weft__shm *S,
		     const char *argv0)
{
	char *tok = weft__report_token(t, S);
	long preempt = 0;

	fprintf(out, "%s: %s\n", S->kind, S->message);
	if (S->detail_len) {
		const char *p = S->detail;
		while (*p) {
			const char *e = strchr(p, '\n');
			int l = e ? (int)(e - p) : (int)strlen(p);
			fprintf(out, "  %.*s\n", l, p);
			p += l + (e ? 1 : 0);
		}
	}
	fputc('\n', out);
	weft__trace_draw(out, S, weft__opts.verbose, S->blocked);
	for (long i = 1; i < S->nsteps; i++)
		if (weft__shm_steps(S)[i].tid != weft__shm_steps(S)[i - 1].tid)
			preempt++;
	fprintf(out, "\nfound by %s in execution %ld (%.2f s); %ld steps, %ld "
		     "context switches, %d preemption%s\n",
		S->strategy, S->bug_exec + 1, S->bug_seconds, S->nsteps, preempt,
		S->preemptions, S->preemptions == 1 ? "" : "s");
	fprintf(out, "replay: %s --filter=%s --replay=%s\n", argv0, t->name,
		tok);
	free(tok);
}

/* Why the test is inconclusive, and where the limit was met. */
static void text_inconclusive(FILE *out, const struct weft_test *t,
			      struct weft__shm *S, const char *argv0)
{
	char *tok;

	fprintf(out, "%s: %s\n", S->reason, S->message);
	if (S->nsteps == 0)
		return;
	fputc('\n', out);
	weft__trace_draw(out, S, weft__opts.verbose, S->blocked);
	tok = weft__report_token(t, S);
	fprintf(out, "\nin execution %ld; %ld steps\n", S->bug_exec + 1,
		S->nsteps);
	fprintf(out, "replay: %s --filter=%s --replay=%s\n", argv0, t->name,
		tok);
	free(tok);
}

void weft__report_text(FILE *out, const struct weft_test *t,
		       struct weft__shm *S, const char *argv0)
{
	fprintf(out, "== %s: %s", t->name, weft__verdict_name(S->verdict));
	if (S->verdict == VERDICT_BUG)
		fprintf(out, " (%s)\n", S->kind);
	else {
		fputs(" (", out);
		summary_line(out, S);
		fprintf(out, "; %.2f s)\n", S->seconds);
	}
	if (S->verdict == VERDICT_BUG)
		text_bug(out, t, S, argv0);
	if (S->verdict == VERDICT_INCONCLUSIVE)
		text_inconclusive(out, t, S, argv0);
	for (int i = 0; i < S->nfindings; i++) {
		if (S->verdict == VERDICT_BUG && i == 0 &&
		    strcmp(S->kind, S->findings[0].kind) == 0 &&
		    strcmp(S->message, S->findings[0].msg) == 0)
			continue;
		fprintf(out, "%s%s: %s\n",
			S->verdict == VERDICT_BUG ? "also " : "",
			S->findings[i].kind, S->findings[i].msg);
	}
	fflush(out);
}

/* ---- JSON ------------------------------------------------------------- */

static void jstr(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void json_trace(FILE *out, struct weft__shm *S)
{
	struct weft__step *st = weft__shm_steps(S);

	fputs(",\"trace\":[", out);
	for (long i = 0; i < S->nsteps; i++) {
		const struct weft__step *s = &st[i];
		fprintf(out, "%s{\"step\":%ld,\"thread\":", i ? "," : "", i);
		jstr(out, S->thread_names[s->tid]);
		fprintf(out, ",\"tid\":%d,\"operation\":", s->tid);
		jstr(out, s->op);
		if (s->objname) {
			fputs(",\"object\":", out);
			jstr(out, s->objname);
		}
		if (s->kind == STEP_CHOICE)
			fprintf(out, ",\"value\":%d", s->value);
		if (s->note) {
			fputs(",\"note\":", out);
			jstr(out, s->note);
		}
		fputs(",\"file\":", out);
		jstr(out, s->loc ? s->loc->file : NULL);
		fprintf(out, ",\"line\":%d}", s->loc ? s->loc->line : 0);
	}
	fputc(']', out);
}

void weft__report_json(FILE *out, const struct weft_test *t,
		       struct weft__shm *S, const char *argv0)
{
	fputs("{\"test\":", out);
	jstr(out, t->name);
	fputs(",\"verdict\":", out);
	jstr(out, weft__verdict_name(S->verdict));
	fputs(",\"kind\":", out);
	if (S->verdict == VERDICT_BUG)
		jstr(out, S->kind);
	else
		fputs("null", out);
	if (S->verdict == VERDICT_INCONCLUSIVE) {
		fputs(",\"reason\":", out);
		jstr(out, S->reason);
	}
	fprintf(out, ",\"executions\":%ld,\"pruned\":%ld,\"redundant\":%ld,"
		     "\"limited\":%ld,\"strategy\":",
		S->executions, S->pruned, S->redundant, S->limited);
	jstr(out, S->strategy);
	if (S->verdict == VERDICT_VERIFIED)
		fprintf(out, ",\"preemption_bound\":%d,\"fair_bound\":%d",
			S->bound, S->fair_bound);
	fprintf(out, ",\"seconds\":%.3f,\"total_steps\":%ld", S->seconds,
		S->total_steps);
	if (S->verdict == VERDICT_INCONCLUSIVE && S->nsteps == 0) {
		fputs(",\"message\":", out);
		jstr(out, S->message);
		fputs(",\"replay\":null,\"trace\":[]", out);
	} else if (S->verdict == VERDICT_BUG ||
		   S->verdict == VERDICT_INCONCLUSIVE) {
		char *tok = weft__report_token(t, S);
		fputs(",\"message\":", out);
		jstr(out, S->message);
		fputs(",\"details\":", out);
		jstr(out, S->detail);
		fprintf(out, ",\"bug_execution\":%ld,\"steps\":%ld,"
			     "\"preemptions\":%d,\"replay\":",
			S->bug_exec + 1, S->nsteps, S->preemptions);
		jstr(out, tok);
		fputs(",\"command\":", out);
		char cmd[4096];
		snprintf(cmd, sizeof cmd, "%s --filter=%s --replay=%s", argv0,
			 t->name, tok);
		jstr(out, cmd);
		free(tok);
		json_trace(out, S);
	} else {
		fputs(",\"replay\":null,\"trace\":[]", out);
	}
	fputs(",\"findings\":[", out);
	for (int i = 0; i < S->nfindings; i++) {
		fprintf(out, "%s{\"kind\":", i ? "," : "");
		jstr(out, S->findings[i].kind);
		fputs(",\"message\":", out);
		jstr(out, S->findings[i].msg);
		fputc('}', out);
	}
	fputs("]}\n", out);
	fflush(out);
}

/* Turn a worker's crash record into a bug report. */
void weft__crash_to_bug(struct weft__shm *S)
{
	char where[512] = "";
	const char *tname = S->crash_tid >= 0 && S->crash_tid < S->nthreads
				    ? S->thread_names[S->crash_tid]
				    : "weft";
	const char *loc = weft__code_location(S->crash_pc, where, sizeof where);

	S->verdict = VERDICT_BUG;
	snprintf(S->kind, sizeof S->kind, "crash");
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
