/* src/report/sarif.c - the bugs as a SARIF 2.1.0 log (--sarif=FILE), the
 * format code-scanning services read: one result per bug, its ruleId the
 * bug's kind, located at the first source place the report names (the
 * failing call, the racing access) with the others (the other thread's
 * access or lock, the free) as related locations.  Inconclusive tests and
 * usage errors are notifications of the invocation, not results.
 *
 * Relative paths are given against %SRCROOT%, the directory weft ran in,
 * where the compiler saw them. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

#define MAX_RULES 64

struct rules {
	const char *id[MAX_RULES];
	int n;
};

static int rule_index(struct rules *R, const char *kind)
{
	for (int i = 0; i < R->n; i++)
		if (!strcmp(R->id[i], kind))
			return i;
	if (R->n == MAX_RULES)
		return -1;
	R->id[R->n] = kind;
	return R->n++;
}

static void rule(FILE *out, const char *kind)
{
	const struct weft__kind_info *k = weft__kind_named(kind);
	/* The rule's description is the meaning column of src/kinds.def; a
	 * kind of the program's own (weft_report) gets a generic one. */
	const char *text = k ? k->meaning : "A bug weft reports.";

	fputs("{\"id\":", out);
	weft__json_str(out, kind);
	fputs(",\"shortDescription\":{\"text\":", out);
	weft__json_str(out, text);
	fputs("}}", out);
}

/* A path as a URI reference: unreserved characters and '/' as they are,
 * everything else percent-encoded; absolute paths as file:// URIs. */
static void uri(FILE *out, const char *path)
{
	size_t n = strlen(path);
	char *u = malloc(3 * n + 8), *o = u;

	if (path[0] == '/')
		o += sprintf(o, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (strchr("-._~/", *p) || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	*o = 0;
	weft__json_str(out, u);
	free(u);
}

static char cwd[4096];

/* A path under the directory weft runs in, relative to it (SRCROOT). */
static const char *relative(const char *path)
{
	size_t n = strlen(cwd);

	if (n > 1 && !strncmp(path, cwd, n) && path[n] == '/')
		return path + n + 1;
	return path;
}

static void location(FILE *out, const struct weft__ref *r, int id)
{
	const char *path = relative(r->file);

	fputc('{', out);
	if (id >= 0)
		fprintf(out, "\"id\":%d,", id);
	fputs("\"physicalLocation\":{\"artifactLocation\":{\"uri\":", out);
	uri(out, path);
	if (path[0] != '/')
		fputs(",\"uriBaseId\":\"SRCROOT\"", out);
	fprintf(out, "},\"region\":{\"startLine\":%d}}", r->line);
	if (id >= 0) {
		fputs(",\"message\":{\"text\":", out);
		weft__json_str(out, r->context);
		fputc('}', out);
	}
	fputc('}', out);
}

/* One result: kind, message, the first place and the related ones. */
static void result(FILE *out, struct rules *R, const struct weft__result *r,
		   const char *kind, const char *message,
		   const struct weft__ref *refs, int nrefs, bool *first)
{
	int idx = rule_index(R, kind);

	if (idx < 0)
		return;
	fputs(*first ? "\n    " : ",\n    ", out);
	*first = false;
	fputs("{\"ruleId\":", out);
	weft__json_str(out, kind);
	/* A lock-order cycle and a possible data race (results.c) are
	 * warnings: neither happened as such in the execution shown. */
	fprintf(out, ",\"ruleIndex\":%d,\"level\":\"%s\",\"message\":{\"text\":",
		idx,
		strcmp(kind, WEFT__K(LOCK_ORDER)) &&
				strncmp(message, "possible ", 9)
			? "error"
			: "warning");
	weft__json_str(out, message);
	fputs("},\"locations\":[", out);
	if (nrefs)
		location(out, &refs[0], -1);
	fputs("],\"relatedLocations\":[", out);
	for (int i = 1; i < nrefs; i++) {
		if (i > 1)
			fputc(',', out);
		location(out, &refs[i], i);
	}
	fputs("],\"properties\":{\"test\":", out);
	weft__json_str(out, r->test);
	if (r->command) {
		fputs(",\"replay\":", out);
		weft__json_str(out, r->command);
	}
	fputs("}}", out);
}

/* The bug of a test and the further findings its report lists. */
static void results_of(FILE *out, struct rules *R, const struct weft__result *r,
		       bool *first)
{
	struct weft__ref refs[8];

	if (r->verdict == VERDICT_BUG)
		result(out, R, r, r->kind, r->message, r->refs, r->nrefs,
		       first);
	for (int i = 0; i < r->nalso; i++) {
		int n = weft__refs_find(r->also_msg[i], refs, 8);
		char *line = strndup(r->also_msg[i],
				     strcspn(r->also_msg[i], "\n"));
		result(out, R, r, r->also_kind[i], line, refs, n, first);
		free(line);
	}
}

/* Inconclusive tests and usage errors: the tool could not conclude. */
static bool notifications(FILE *out)
{
	bool ok = true, first = true;

	fputs("\"toolExecutionNotifications\":[", out);
	for (int i = 0; i < weft__results_count(); i++) {
		const struct weft__result *r = weft__result_at(i);
		char text[1400];
		if (r->verdict != VERDICT_INCONCLUSIVE && r->verdict >= 0)
			continue;
		ok &= r->verdict >= 0;
		snprintf(text, sizeof text, "test %s: %s%s%s%s", r->test,
			 r->verdict < 0 ? "error: " : "inconclusive (",
			 r->verdict < 0 ? "" : r->reason,
			 r->verdict < 0 ? "" : "): ", r->message);
		fprintf(out, "%s{\"level\":\"%s\",\"message\":{\"text\":",
			first ? "" : ",", r->verdict < 0 ? "error" : "warning");
		weft__json_str(out, text);
		fputs("}}", out);
		first = false;
	}
	fputs("]", out);
	return ok;
}

bool weft__sarif_write(FILE *out)
{
	struct rules R = { .n = 0 };
	bool first = true;

	if (!getcwd(cwd, sizeof cwd - 1))
		cwd[0] = 0;

	fputs("{\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
	      "errata01/os/schemas/sarif-schema-2.1.0.json\",\"version\":"
	      "\"2.1.0\",\"runs\":[{\n  \"results\":[", out);
	for (int i = 0; i < weft__results_count(); i++)
		results_of(out, &R, weft__result_at(i), &first);
	fputs("],\n  \"tool\":{\"driver\":{\"name\":\"weft\",\"version\":", out);
	weft__json_str(out, WEFT_VERSION);
	fputs(",\"rules\":[", out);
	for (int i = 0; i < R.n; i++) {
		fputs(i ? "," : "", out);
		rule(out, R.id[i]);
	}
	fputs("]}},\n  \"invocations\":[{", out);
	bool ok = notifications(out);
	fprintf(out, ",\"executionSuccessful\":%s}]", ok ? "true" : "false");
	if (cwd[0] == '/') {
		char root[sizeof cwd + 1];
		snprintf(root, sizeof root, "%s/", strcmp(cwd, "/") ? cwd : "");
		fputs(",\n  \"originalUriBaseIds\":{\"SRCROOT\":{\"uri\":", out);
		uri(out, root);
		fputs("}}", out);
	}
	fputs("\n}]}\n", out);
	return !ferror(out);
}
