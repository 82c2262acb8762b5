/* src/report/results.c - every test's outcome, kept for the reports that
 * cover the whole run (--junit, --sarif) and are written at its end.
 *
 * The shared record is reused by the next test, so what those reports
 * need is copied here: verdict, kind, the text report, the replay command
 * and the source places the report names. */
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/options.h"
#include "report.h"

static struct weft__result *results;
static int nresults, capresults;

static bool wanted(void)
{
	return weft__outputs.junit || weft__outputs.sarif;
}

static struct weft__result *new_result(const char *test)
{
	struct weft__result *r;

	if (nresults == capresults) {
		capresults = capresults ? capresults * 2 : 16;
		results = realloc(results,
				  sizeof *results * (size_t)capresults);
	}
	r = &results[nresults++];
	memset(r, 0, sizeof *r);
	r->test = strdup(test);
	return r;
}

/* The first line of s (malloc'd). */
static char *first_line(const char *s)
{
	return strndup(s, strcspn(s, "\n"));
}

bool weft__possible_race(const struct weft__verdict *V, int i)
{
	return !strcmp(V->reason, "asm-atomics") &&
	       !strcmp(V->findings[i].kind, WEFT__K(DATA_RACE));
}

/* Findings besides the one the verdict reports ("also ..." lines). */
static void keep_findings(struct weft__result *r,
			  const struct weft__verdict *V)
{
	for (int i = 0; i < V->nfindings; i++) {
		if (V->verdict == VERDICT_BUG && i == 0 &&
		    !strcmp(V->kind, V->findings[0].kind) &&
		    !strcmp(V->message, V->findings[0].msg))
			continue;
		char *msg = NULL;
		if (weft__possible_race(V, i) &&
		    asprintf(&msg, "possible %s", V->findings[i].msg) < 0)
			msg = NULL;
		r->also_kind[r->nalso] = strdup(V->findings[i].kind);
		r->also_msg[r->nalso++] =
			msg ? msg : strdup(V->findings[i].msg);
	}
}

/* A crash names its place by base name only (addr2line -s): the trace's
 * steps at that place know the path the compiler saw. */
static void fuller_paths(struct weft__trace *T, struct weft__ref *refs,
			 int n)
{
	const struct weft__step *st = weft__trace_steps(T);

	for (int i = 0; i < n; i++)
		for (long k = 0; k < T->nsteps; k++) {
			const struct weft_loc *l = st[k].loc;
			if (weft__ref_matches(&refs[i], l) &&
			    strlen(l->file) > strlen(refs[i].file) &&
			    strlen(l->file) < sizeof refs[i].file) {
				strcpy(refs[i].file, l->file);
				break;
			}
		}
}

void weft__results_add(const struct weft_test *t, struct weft__shm *S,
		       const char *argv0, const char *text)
{
	struct weft__result *r;
	char both[sizeof S->v.message + sizeof S->v.detail + 2];

	if (!wanted())
		return;
	r = new_result(t->name);
	r->verdict = S->v.verdict;
	r->text = strdup(text);
	r->seconds = S->v.seconds;
	r->executions = S->v.executions;
	if (S->v.verdict == VERDICT_BUG)
		r->kind = strdup(S->v.kind);
	if (S->v.verdict == VERDICT_INCONCLUSIVE)
		r->reason = strdup(S->v.reason);
	if (S->v.verdict == VERDICT_BUG ||
	    S->v.verdict == VERDICT_INCONCLUSIVE) {
		r->message = first_line(S->v.message);
		snprintf(both, sizeof both, "%s\n%s", S->v.message, S->v.detail);
		r->nrefs = weft__refs_find(both, r->refs, 8);
		weft__refs_failure_first(S->v.message, r->refs, r->nrefs);
		fuller_paths(&S->t, r->refs, r->nrefs);
	}
	if ((S->v.verdict == VERDICT_BUG ||
	     S->v.verdict == VERDICT_INCONCLUSIVE) && S->t.nsteps) {
		char *tok = weft__report_token(t, S);
		r->command = weft__replay_command(t, argv0, tok);
		free(tok);
	}
	/* A test without a place in its report is located at its
	 * definition (a WEFT_TEST's file and line). */
	if (!r->nrefs && t->file && t->line > 0) {
		snprintf(r->refs[0].file, sizeof r->refs[0].file, "%s",
			 t->file);
		r->refs[0].line = t->line;
		snprintf(r->refs[0].context, sizeof r->refs[0].context,
			 "test %s", t->name);
		r->nrefs = 1;
	}
	keep_findings(r, &S->v);
}

/* A test that ended in an error of its own (it took another path when
 * re-run: exit status 2) still has its JSON object, with the verdict
 * "error", as JUnit has its <error>: a consumer of one object per test
 * found none for it. */
static void error_json(FILE *out, const char *test, const char *message)
{
	fputs("{\"test\":", out);
	weft__json_str(out, test);
	fputs(",\"verdict\":\"error\",\"kind\":\"nondeterminism\","
	      "\"message\":", out);
	weft__json_str(out, message);
	fputs("}\n", out);
	fflush(out);
}

static FILE *json_file;

void weft__results_add_error(const char *test, const char *message)
{
	struct weft__result *r;

	if (weft__opts.json)
		error_json(stdout, test, message);
	if (json_file)
		error_json(json_file, test, message);
	if (!wanted())
		return;
	r = new_result(test);
	r->verdict = -1;
	r->message = strdup(message);
	r->text = strdup(message);
}

int weft__results_count(void)
{
	return nresults;
}

const struct weft__result *weft__result_at(int i)
{
	return &results[i];
}

/* The files are opened before anything runs, so a bad path costs no
 * exploration; JSON Lines are written as each test ends, the others when
 * every test is done. */
static FILE *junit_file, *sarif_file;
/* Why writing a report to standard output failed first (0: it did not),
 * said once every test is done (weft__results_write). */
static int stdout_errno;

static FILE *open_out(const char *path)
{
	FILE *f = path ? fopen(path, "w") : NULL;

	if (path && !f)
		fprintf(stderr, "weft: cannot write %s: %s\n", path,
			strerror(errno));
	return f;
}

/* Two of the reports given one file: the second overwrote the first's
 * start and the file held both, silently.  Compared as files once open,
 * not as names (./x and x, or a link to x, lost a report: a probe). */
static bool same_file(FILE *a, const char *an, const char *ap, FILE *b,
		      const char *bn)
{
	struct stat sa, sb;

	if (!a || !b || fstat(fileno(a), &sa) || fstat(fileno(b), &sb) ||
	    sa.st_dev != sb.st_dev || sa.st_ino != sb.st_ino ||
	    !S_ISREG(sa.st_mode))
		return false;
	fprintf(stderr, "weft: --%s and --%s name the same file %s\n", an, bn,
		ap);
	return true;
}

bool weft__results_open(void)
{
	const struct weft__outputs *o = &weft__outputs;

	junit_file = open_out(o->junit);
	sarif_file = open_out(o->sarif);
	json_file = open_out(o->json_file);
	if (same_file(junit_file, "junit", o->junit, sarif_file, "sarif") ||
	    same_file(junit_file, "junit", o->junit, json_file, "json") ||
	    same_file(sarif_file, "sarif", o->sarif, json_file, "json"))
		return false;
	return (junit_file || !o->junit) && (sarif_file || !o->sarif) &&
	       (json_file || !o->json_file);
}

/* Print the report of one test (text, or JSON with --format=json), add
 * it to --json=FILE, and keep it for the files written at the end. */
void weft__report_test(const struct weft_test *t, struct weft__shm *S,
		       const char *argv0)
{
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);

	weft__refs_learn_record(t, S);
	weft__report_text(m, t, S, argv0);
	fclose(m);
	if (weft__opts.json)
		weft__report_json(stdout, t, S, argv0);
	else
		fputs(text, stdout);
	if (fflush(stdout) != 0 && !stdout_errno)
		stdout_errno = errno;
	/* Closed at the start, it was /dev/null's: the report vanished, and
	 * the exit status was the verdict's (a probe of the command line).
	 * With a report file asked for, the report has a place (a review). */
	if (!stdout_errno && weft__stdout_closed_at_start() &&
	    !weft__outputs.json_file && !weft__outputs.junit &&
	    !weft__outputs.sarif)
		stdout_errno = EBADF;
	if (json_file)
		weft__report_json(json_file, t, S, argv0);
	weft__results_add(t, S, argv0, text);
	free(text);
}

static bool finish(FILE *f, const char *path, bool ok)
{
	if (fclose(f) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "weft: cannot write %s: %s\n", path,
			strerror(errno ? errno : EIO));
	return ok;
}

bool weft__results_write(const char *argv0)
{
	char *copy = strdup(argv0 ? argv0 : "weft");
	bool ok = true;

	if (junit_file)
		ok &= finish(junit_file, weft__outputs.junit,
			     weft__junit_write(junit_file, basename(copy)));
	if (sarif_file)
		ok &= finish(sarif_file, weft__outputs.sarif,
			     weft__sarif_write(sarif_file));
	if (json_file)
		ok &= finish(json_file, weft__outputs.json_file,
			     !ferror(json_file));
	junit_file = sarif_file = json_file = NULL;
	free(copy);
	/* The reports on standard output too: on a full disk they were lost
	 * with exit status 0 or 1 and no word (a probe of the command
	 * line). */
	if (fflush(stdout) != 0 && !stdout_errno)
		stdout_errno = errno;
	if (stdout_errno || ferror(stdout)) {
		fprintf(stderr, "weft: cannot write the report to standard "
				"output: %s\n",
			strerror(stdout_errno ? stdout_errno : EIO));
		ok = false;
	}
	return ok;
}
