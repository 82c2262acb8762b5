/* src/report/junit.c - the run as JUnit XML (--junit=FILE), the format CI
 * systems read test results from: one testsuite named after the program,
 * one testcase per test; a bug is a failure carrying the text report, an
 * inconclusive test is skipped with its reason, a usage error (a program
 * that behaves differently on a re-run) is an error. */
#include <string.h>

#include "report.h"

/* s as XML character data or attribute value: markup escaped, characters
 * XML 1.0 forbids (most controls) and invalid UTF-8 replaced. */
static void xml_str(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p;) {
		int n = *p < 0x80 ? 1 : weft__utf8_len(p);
		if (*p == '&')
			fputs("&amp;", out);
		else if (*p == '<')
			fputs("&lt;", out);
		else if (*p == '>')
			fputs("&gt;", out);
		else if (*p == '"')
			fputs("&quot;", out);
		else if (*p == '\n' || *p == '\t')
			fputc(*p, out);
		else if (*p < 0x20 || *p == 0x7f || !n)
			fputs("\xef\xbf\xbd", out); /* U+FFFD */
		else
			fwrite(p, 1, (size_t)n, out);
		p += n ? n : 1;
	}
}

static void attr(FILE *out, const char *name, const char *v)
{
	fprintf(out, " %s=\"", name);
	xml_str(out, v);
	fputc('"', out);
}

/* "kind: message", the one-line summary of a bug or a limit. */
static void summary_attr(FILE *out, const char *lead, const char *message)
{
	char buf[1200];

	snprintf(buf, sizeof buf, "%s: %s", lead, message ? message : "");
	attr(out, "message", buf);
}

static void testcase(FILE *out, const char *suite,
		     const struct weft__result *r)
{
	fputs("    <testcase", out);
	attr(out, "name", r->test);
	attr(out, "classname", suite);
	fprintf(out, " time=\"%.3f\">\n", r->seconds);
	if (r->verdict == VERDICT_BUG) {
		fputs("      <failure", out);
		summary_attr(out, r->kind, r->message);
		attr(out, "type", r->kind);
		fputs(">", out);
		xml_str(out, r->text);
		fputs("</failure>\n", out);
	} else if (r->verdict == VERDICT_INCONCLUSIVE) {
		char lead[120];
		snprintf(lead, sizeof lead, "inconclusive (%s)", r->reason);
		fputs("      <skipped", out);
		summary_attr(out, lead, r->message);
		fputs("/>\n", out);
	} else if (r->verdict < 0) {
		fputs("      <error", out);
		attr(out, "message", r->message);
		attr(out, "type", "usage");
		fputs("/>\n", out);
	}
	if (r->verdict != VERDICT_BUG) {
		fputs("      <system-out>", out);
		xml_str(out, r->text);
		fputs("</system-out>\n", out);
	}
	fputs("    </testcase>\n", out);
}

bool weft__junit_write(FILE *out, const char *suite)
{
	int n = weft__results_count(), failures = 0, errors = 0, skipped = 0;
	double seconds = 0;

	for (int i = 0; i < n; i++) {
		const struct weft__result *r = weft__result_at(i);
		failures += r->verdict == VERDICT_BUG;
		skipped += r->verdict == VERDICT_INCONCLUSIVE;
		errors += r->verdict < 0;
		seconds += r->seconds;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", out);
	attr(out, "name", "weft");
	fprintf(out, " tests=\"%d\" failures=\"%d\" errors=\"%d\" "
		     "skipped=\"%d\" time=\"%.3f\">\n  <testsuite",
		n, failures, errors, skipped, seconds);
	attr(out, "name", suite);
	fprintf(out, " tests=\"%d\" failures=\"%d\" errors=\"%d\" "
		     "skipped=\"%d\" time=\"%.3f\">\n",
		n, failures, errors, skipped, seconds);
	for (int i = 0; i < n; i++)
		testcase(out, suite, weft__result_at(i));
	fputs("  </testsuite>\n</testsuites>\n", out);
	return !ferror(out);
}
