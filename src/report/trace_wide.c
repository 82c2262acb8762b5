/* src/report/trace_wide.c - the trace of a report with many threads.
 *
 * With many threads a column each makes lines thousands of characters
 * wide and the report megabytes long (100 workers: 9 MB).  Past
 * WEFT__TRACE_WIDE threads the trace is one step per line, the thread's
 * name first, and runs of steps of threads the report does not name (nor
 * blocked at the end), away from its start and end, are collapsed into
 * one line (the same report: 19 KB). */
#include <ctype.h>
#include <string.h>

#include "report.h"

#define EDGE 6

/* Is name (n characters) in text as a whole name? */
static bool names(const char *text, const char *name, size_t n)
{
	for (const char *p = text; n && (p = strstr(p, name)); p++) {
		char before = p == text ? ' ' : p[-1], after = p[n];
		if (strncmp(p, name, n) == 0 && !isalnum((unsigned char)before) &&
		    before != '#' && before != '_' &&
		    !isalnum((unsigned char)after) && after != '#' &&
		    after != '_')
			return true;
	}
	return false;
}

/* The report's message or details name the thread of column t (a reused
 * column is labelled "first .. latest": either counts). */
static bool mentioned(const struct weft__shm *S, int t)
{
	const char *label = S->t.thread_names[t], *dots;

	if (!label)
		return false;
	dots = strstr(label, " .. ");
	if (dots) {
		size_t n = (size_t)(dots - label);
		return names(S->v.message, label, n) ||
		       names(S->v.detail, label, n) ||
		       names(S->v.message, dots + 4, strlen(dots + 4)) ||
		       names(S->v.detail, dots + 4, strlen(dots + 4));
	}
	return names(S->v.message, label, strlen(label)) ||
	       names(S->v.detail, label, strlen(label));
}

/* Column t's label, and whether another column has the same (threads of
 * the core API are named after their function). */
static const char *label_of(const struct weft__trace *T, int t, bool *dup)
{
	const char *l = T->thread_names[t] ? T->thread_names[t] : "?";

	*dup = false;
	for (int u = 0; u < T->nthreads && !*dup; u++)
		*dup = u != t && T->thread_names[u] &&
		       strcmp(T->thread_names[u], l) == 0;
	return l;
}

/* The report is about thread t: its accesses race, it is blocked at the
 * end, or the report names it (when its name is its own). */
static void find_involved(const struct weft__shm *S,
			  const struct weft__trace_row *rows, int nr,
			  bool *involved)
{
	for (int t = 0; t < S->t.nthreads; t++) {
		bool dup;
		label_of(&S->t, t, &dup);
		involved[t] = !dup && mentioned(S, t);
	}
	for (int r = 0; r < nr; r++)
		if (rows[r].keep && (strstr(rows[r].text, "[race]") ||
				     strstr(rows[r].text, "[blocked]")))
			involved[rows[r].tid] = true;
}

void weft__trace_draw_linear(FILE *out, const struct weft__shm *S,
			     const struct weft__trace_row *rows, int nr)
{
	bool involved[WEFT__MAX_THREADS] = { false };
	char name[WEFT__TRACE_COL_MAX + 16];
	int w = 6;

	find_involved(S, rows, nr, involved);
	for (int r = 0; r < nr; r++) {
		bool dup;
		int l = (int)strlen(label_of(&S->t, rows[r].tid, &dup)) +
			(dup ? 5 : 0);
		if (l > w)
			w = l;
	}
	if (w > 28)
		w = 28;
	fprintf(out, "  %-*s  step\n  ", w, "thread");
	for (int i = 0; i < w; i++)
		fputc('-', out);
	fprintf(out, "  ----\n");
	for (int r = 0; r < nr;) {
		int e = r;
		bool dup;
		while (e < nr && e >= EDGE && e < nr - EDGE &&
		       !involved[rows[e].tid])
			e++;
		if (e - r >= 3) {
			bool seen[WEFT__MAX_THREADS] = { false };
			int k = 0;
			for (int i = r; i < e; i++)
				if (!seen[rows[i].tid]) {
					seen[rows[i].tid] = true;
					k++;
				}
			fprintf(out, "  %-*s  ... %d steps of %d other thread%s\n",
				w, "", e - r, k, k == 1 ? "" : "s");
			r = e;
			continue;
		}
		/* Same-named threads are told apart by their column. */
		snprintf(name, sizeof name, "%s",
			 label_of(&S->t, rows[r].tid, &dup));
		if (dup)
			snprintf(name + strlen(name), sizeof name - strlen(name),
				 " [%d]", rows[r].tid);
		fprintf(out, "  %-*.*s  %s\n", w, w, name, rows[r].text);
		r++;
	}
}
