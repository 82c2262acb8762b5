/* src/report/refs.c - the source places a report's text names.
 *
 * Every report names what it is about as "file.c:LINE" (the failing call,
 * the free of a use-after-free, the other thread's lock).  Finding them in
 * the text keeps the trace honest for every kind of report at once: a step
 * at such a place is never collapsed away, and the SARIF log locates its
 * result at the first place and relates the others. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

static bool path_char(char c)
{
	return c && !isspace((unsigned char)c) && !strchr("()[],;'\"`<>", c);
}

/* ---- names with spaces and quotes ---------------------------------------
 *
 * A path is found by reading back from its ':' over the characters a
 * path is made of, and a space or a quote ends it: in "(at a b.c:9)"
 * that gives "b.c", and the SARIF log located the bug in a file that
 * does not exist ("my dir/ab.c" became "dir/ab.c", 'nasty "src" é.c'
 * became "é.c").  The text alone cannot tell where such a name begins,
 * so the names the program's own record holds (its steps' and marks'
 * places, the test's file) are kept, and a path that ends as one of them
 * is read back to where that name begins. */
#define MAX_KNOWN 64

static char *known[MAX_KNOWN];
static int nknown;

/* Whether reading back over path characters would cut the name. */
static bool cut_by_scan(const char *file)
{
	for (const char *c = file; *c; c++)
		if (!path_char(*c))
			return true;
	return false;
}

void weft__refs_learn(const char *file)
{
	if (!file || !file[0] || !cut_by_scan(file) || nknown == MAX_KNOWN)
		return;
	for (int i = 0; i < nknown; i++)
		if (!strcmp(known[i], file))
			return;
	known[nknown] = strdup(file);
	if (known[nknown])
		nknown++;
}

void weft__refs_learn_record(const struct weft_test *t, struct weft__shm *S)
{
	const struct weft__step *st = weft__trace_steps(&S->t);
	const struct weft__mark *marks = NULL;
	int nm = weft__marks_of(weft__marks_exec(S), &marks);

	weft__refs_learn(t ? t->file : NULL);
	for (long i = 0; i < S->t.nsteps; i++)
		if (st[i].loc)
			weft__refs_learn(st[i].loc->file);
	for (int i = 0; i < nm; i++)
		weft__refs_learn(marks[i].file);
}

/* Whether the text before c ends with t, a known name or its tail from a
 * component on, where a component of the text begins (at the text's
 * start, after a '/' or after a character no path holds). */
static bool ends_with_tail(const char *text, const char *c, const char *t)
{
	size_t n = strlen(t);
	const char *m;

	if ((size_t)(c - text) < n)
		return false;
	m = c - n;
	return !memcmp(m, t, n) &&
	       (m == text || m[-1] == '/' || !path_char(m[-1]));
}

/* The next tail of a name to try: from its next component on. */
static const char *next_tail(const char *t)
{
	const char *slash = strchr(t, '/');

	return slash ? slash + 1 : NULL;
}

/* Where the path ending at c begins when it is a known name, or a tail
 * of one from a component on, that reaches back past s; a tail after a
 * '/' in the text is read on back over path characters (a relative
 * name the text gives in full).  s itself otherwise. */
static const char *known_start(const char *text, const char *s,
			       const char *c)
{
	for (int i = 0; i < nknown; i++)
		for (const char *t = known[i]; t; t = next_tail(t)) {
			const char *m;
			if (strlen(t) <= (size_t)(c - s) ||
			    !ends_with_tail(text, c, t))
				continue;
			m = c - strlen(t);
			if (m > text && m[-1] == '/')
				while (m > text && path_char(m[-1]))
					m--;
			s = m;
			break;
		}
	return s;
}

/* A space or a quote, which the scan stops at and a name may hold. */
static bool gap(char c)
{
	return c == ' ' || c == '"' || c == '\'';
}

/* A name neither the record nor the scan knows in full (a finding of
 * another execution, in a file no step of this one is in): the longest
 * that reaches back over spaces and quotes, word by word, and names a
 * file that exists (a relative name as the compiler saw it, from the
 * directory weft runs in, as SARIF's SRCROOT takes it). */
static const char *existing_start(const char *text, const char *s,
				  const char *c)
{
	char path[sizeof((struct weft__ref *)0)->file];
	const char *best = s;

	for (const char *m = s; m > text && gap(m[-1]);) {
		for (m--; m > text && path_char(m[-1]); m--)
			;
		if ((size_t)(c - m) >= sizeof path)
			break;
		memcpy(path, m, (size_t)(c - m));
		path[c - m] = 0;
		if (access(path, F_OK) == 0)
			best = m;
	}
	return best;
}

/* Where the path ending at c begins, the scan having stopped at s. */
static const char *path_start(const char *text, const char *s, const char *c)
{
	const char *k = s > text ? known_start(text, s, c) : s;

	return k == s && s > text && gap(s[-1]) ? existing_start(text, s, c)
						: k;
}

/* The text line around position i, trimmed, into ctx. */
static void context_of(const char *text, const char *at, char *ctx, size_t n)
{
	const char *s = at, *e = strchr(at, '\n');
	size_t len;

	while (s > text && s[-1] != '\n')
		s--;
	while (*s == ' ')
		s++;
	len = e ? (size_t)(e - s) : strlen(s);
	if (len >= n)
		len = n - 1;
	memcpy(ctx, s, len);
	ctx[len] = 0;
}

/* A path that names a source file: its last component has an extension. */
static bool sourceish(const char *p, size_t n)
{
	const char *dot = NULL;

	for (size_t i = 0; i < n; i++)
		if (p[i] == '/')
			dot = NULL;
		else if (p[i] == '.')
			dot = p + i;
	return dot && dot + 1 < p + n && isalpha((unsigned char)dot[1]);
}

/* Does the path a end with the path b at a component boundary (or the
 * other way round)? */
static bool same_file(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la < lb) {
		const char *t = a;
		a = b;
		b = t;
		la = strlen(a);
		lb = strlen(b);
	}
	return lb && !strcmp(a + la - lb, b) &&
	       (la == lb || a[la - lb - 1] == '/');
}

static int add_ref(struct weft__ref *out, int n, int max, const char *path,
		   size_t plen, int line, const char *text, const char *at)
{
	char file[sizeof out->file];

	if (plen >= sizeof file)
		return n;
	memcpy(file, path, plen);
	file[plen] = 0;
	for (int i = 0; i < n; i++) {
		if (out[i].line != line || !same_file(out[i].file, file))
			continue;
		if (strlen(file) > strlen(out[i].file))
			strcpy(out[i].file, file); /* keep the fuller path */
		return n;
	}
	if (n == max)
		return n;
	strcpy(out[n].file, file);
	out[n].line = line;
	context_of(text, at, out[n].context, sizeof out[n].context);
	return n + 1;
}

int weft__refs_find(const char *text, struct weft__ref *out, int max)
{
	int n = 0;

	for (const char *c = text ? strchr(text, ':') : NULL; c;
	     c = strchr(c + 1, ':')) {
		const char *s = c;
		int line = 0;
		if (!isdigit((unsigned char)c[1]))
			continue;
		while (s > text && path_char(s[-1]))
			s--;
		s = path_start(text, s, c);
		if (!sourceish(s, (size_t)(c - s)))
			continue;
		for (const char *d = c + 1; isdigit((unsigned char)*d) &&
					    line < 10000000; d++)
			line = line * 10 + (*d - '0');
		if (line > 0)
			n = add_ref(out, n, max, s, (size_t)(c - s), line, text,
				    s);
	}
	return n;
}

bool weft__ref_matches(const struct weft__ref *r, const struct weft_loc *l)
{
	return l && l->file && l->line == r->line &&
	       same_file(r->file, l->file);
}

/* The place a failure happened ("... (at file.c:12)" ending the first
 * line, as weft__fail writes it) goes first: it locates the report. */
void weft__refs_failure_first(const char *message, struct weft__ref *refs,
			      int n)
{
	size_t len = strcspn(message, "\n");
	const char *at = NULL;
	struct weft__ref one[1], tmp;

	for (const char *p = message; (p = strstr(p, " (at ")) &&
				       p < message + len; p++)
		at = p;
	if (!at || message[len - 1] != ')' ||
	    weft__refs_find(at, one, 1) != 1)
		return;
	struct weft_loc l = { one[0].file, one[0].line, NULL };

	for (int i = 1; i < n; i++)
		if (weft__ref_matches(&refs[i], &l)) {
			tmp = refs[i];
			memmove(&refs[1], &refs[0], sizeof *refs * (size_t)i);
			refs[0] = tmp;
			return;
		}
}
