/* src/report/trace.c - drawing an interleaving the way the seed documents
 * draw theirs: one column per thread, headed by the thread's name, time
 * going down, each step with its operation and file:line.
 *
 * Without --verbose, thread start and exit steps are left out and a long
 * run of steps by one thread (no context switch) is collapsed to its first
 * two and last step, so the switches that matter stay visible.  The
 * operations that blocked threads were stuck in close the trace. */
#include <string.h>

#include "sched/sched.h"
#include "report.h"

#define COL_MAX 52
#define COL_MIN 12

static const char *base(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;
	return s ? s + 1 : path;
}

void weft__step_cell(char *buf, size_t n, const char *op, const char *obj,
		     int value, const char *note, const struct weft_loc *loc)
{
	char what[160];

	if (value >= 0)
		snprintf(what, sizeof what, "%s%s%s = %d", op, obj ? " " : "",
			 obj ? obj : "", value);
	else if (obj && obj[0])
		snprintf(what, sizeof what, "%s(%s)%s%s", op, obj,
			 note ? " " : "", note ? note : "");
	else
		snprintf(what, sizeof what, "%s%s%s", op, note ? " " : "",
			 note ? note : "");
	if (loc && loc->file)
		snprintf(buf, n, "%s  %s:%d", what, base(loc->file), loc->line);
	else
		snprintf(buf, n, "%s", what);
}

struct row {
	int tid;
	char text[COL_MAX + 1];
};

/* Fit a cell into a column: the location at the end stays whole, the
 * operation text before it is shortened. */
static void fit(char *dst, const char *src)
{
	size_t l = strlen(src);
	const char *sep = strstr(src, "  ");
	size_t tail, keep;

	if (l <= COL_MAX) {
		memcpy(dst, src, l + 1);
		return;
	}
	tail = sep ? l - (size_t)(sep - src) : 0;
	if (tail + 8 > COL_MAX)
		tail = 0;
	keep = COL_MAX - tail - 2;
	memcpy(dst, src, keep);
	memcpy(dst + keep, "..", 2);
	memcpy(dst + keep + 2, src + l - tail, tail);
	dst[COL_MAX] = 0;
}

static bool hidden(const struct weft__step *s, bool verbose)
{
	return !verbose && s->op &&
	       (strcmp(s->op, "start") == 0 || strcmp(s->op, "exit") == 0);
}

/* Build the rows: the visible steps, collapsed, then the blocked ops. */
static int build_rows(struct weft__shm *S, bool verbose, struct row *rows,
		      int max, const struct weft__step *blocked)
{
	struct weft__step *st = weft__shm_steps(S);
	int nr = 0;
	long i = 0;

	while (i < S->nsteps && nr < max - 4) {
		long j = i;
		long vis[4096];
		int nv = 0;
		/* A run: consecutive steps of one thread. */
		while (j < S->nsteps && st[j].tid == st[i].tid) {
			if (!hidden(&st[j], verbose) && nv < 4096)
				vis[nv++] = j;
			j++;
		}
		for (int k = 0; k < nv && nr < max - 4; k++) {
			char cell[300];
			const struct weft__step *s = &st[vis[k]];
			if (!verbose && nv > 4 && k == 2) {
				rows[nr].tid = s->tid;
				snprintf(rows[nr].text, sizeof rows[nr].text,
					 "... %d more steps", nv - 3);
				nr++;
				k = nv - 2;
				continue;
			}
			weft__step_cell(cell, sizeof cell, s->op, s->objname,
					s->kind == STEP_CHOICE ? s->value : -1,
					s->note, s->loc);
			rows[nr].tid = s->tid;
			fit(rows[nr].text, cell);
			nr++;
		}
		i = j;
	}
	for (int t = 0; t < S->nthreads && nr < max; t++) {
		char cell[320];
		if (!blocked || !blocked[t].op)
			continue;
		weft__step_cell(cell, sizeof cell, blocked[t].op,
				blocked[t].objname, -1, "[blocked]",
				blocked[t].loc);
		rows[nr].tid = t;
		fit(rows[nr].text, cell);
		nr++;
	}
	return nr;
}

void weft__trace_draw(FILE *out, struct weft__shm *S, bool verbose,
		      const struct weft__step *blocked)
{
	static struct row rows[20000];
	int width[WEFT__MAX_THREADS], used[WEFT__MAX_THREADS] = { 0 };
	int nr = build_rows(S, verbose, rows, 20000, blocked);
	int n = S->nthreads;

	for (int t = 0; t < n; t++) {
		width[t] = (int)strlen(S->thread_names[t] ? S->thread_names[t]
							  : "?");
		if (width[t] < COL_MIN)
			width[t] = COL_MIN;
	}
	for (int r = 0; r < nr; r++) {
		int l = (int)strlen(rows[r].text);
		if (l > width[rows[r].tid])
			width[rows[r].tid] = l;
		used[rows[r].tid] = 1;
	}
	/* Threads that took no visible step get no column (unless
	 * --verbose).  Lines are built whole so no trailing blanks remain. */
	char line[WEFT__MAX_THREADS * (COL_MAX + 2) + 8], *p = line;
	for (int pass = 0; pass < 2; pass++) {
		p = line;
		p += sprintf(p, "  ");
		for (int t = 0; t < n; t++) {
			if (!used[t] && !verbose)
				continue;
			if (pass == 0)
				p += sprintf(p, "%-*s  ", width[t],
					     S->thread_names[t] ? S->thread_names[t]
								: "?");
			else {
				memset(p, '-', (size_t)width[t]);
				p += width[t];
				p += sprintf(p, "  ");
			}
		}
		while (p > line && p[-1] == ' ')
			p--;
		*p = 0;
		fprintf(out, "%s\n", line);
	}
	for (int r = 0; r < nr; r++) {
		int pad = 2;
		for (int t = 0; t < rows[r].tid; t++)
			if (used[t] || verbose)
				pad += width[t] + 2;
		fprintf(out, "%*s%s\n", pad, "", rows[r].text);
	}
}
