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

#define COL_MAX 46
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

static void fit(char *dst, const char *src)
{
	size_t l = strlen(src);

	if (l <= COL_MAX) {
		memcpy(dst, src, l + 1);
		return;
	}
	/* Keep the location at the end visible: cut the middle. */
	memcpy(dst, src, COL_MAX / 2 - 1);
	memcpy(dst + COL_MAX / 2 - 1, "..", 2);
	memcpy(dst + COL_MAX / 2 + 1, src + l - (COL_MAX - COL_MAX / 2 - 1),
	       COL_MAX - COL_MAX / 2 - 1);
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
		char cell[320], tmp[300];
		if (!blocked || !blocked[t].op)
			continue;
		weft__step_cell(tmp, sizeof tmp, blocked[t].op,
				blocked[t].objname, -1, NULL, blocked[t].loc);
		snprintf(cell, sizeof cell, "%s [blocked]", tmp);
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
	/* Threads that took no visible step get a narrow column. */
	fputs("  ", out);
	for (int t = 0; t < n; t++) {
		if (!used[t] && !verbose)
			continue;
		fprintf(out, "%-*s  ", width[t],
			S->thread_names[t] ? S->thread_names[t] : "?");
	}
	fputs("\n  ", out);
	for (int t = 0; t < n; t++) {
		if (!used[t] && !verbose)
			continue;
		for (int k = 0; k < width[t]; k++)
			fputc('-', out);
		fputs("  ", out);
	}
	fputc('\n', out);
	for (int r = 0; r < nr; r++) {
		int pad = 2;
		for (int t = 0; t < rows[r].tid; t++)
			if (used[t] || verbose)
				pad += width[t] + 2;
		fprintf(out, "%*s%s\n", pad, "", rows[r].text);
	}
}
