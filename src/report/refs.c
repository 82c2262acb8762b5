/* src/report/refs.c - the source places a report's text names.
 *
 * Every report names what it is about as "file.c:LINE" (the failing call,
 * the free of a use-after-free, the other thread's lock).  Finding them in
 * the text keeps the trace honest for every kind of report at once: a step
 * at such a place is never collapsed away, and the SARIF log locates its
 * result at the first place and relates the others. */
#include <ctype.h>
#include <string.h>

#include "report.h"

static bool path_char(char c)
{
	return c && !isspace((unsigned char)c) && !strchr("()[],;'\"`<>", c);
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
