/* src/report/trace.c - drawing an interleaving the way the seed documents
 * draw theirs: one column per thread, headed by the thread's name, time
 * going down, each step with its operation and file:line.
 *
 * Without --verbose, thread start and exit steps are left out and a long
 * run of steps by one thread (no context switch) is collapsed to its first
 * two and last step, so the switches that matter stay visible.  Steps the
 * report refers to (a place its text names, a racing access) are never
 * collapsed, and racing plain accesses, which are no steps, are drawn
 * where they happened.  The operations that blocked threads were stuck in
 * close the trace. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define COL_MIN 12

const char *weft__file_base(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;
	return s ? s + 1 : path;
}

void weft__step_cell(char *buf, size_t n, const char *op, const char *obj,
		     int value, const char *note, const struct weft_loc *loc)
{
	char what[160];

	if (value >= 0 && note) /* a choice whose index stands for a value */
		snprintf(what, sizeof what, "%s%s%s = %s", op, obj ? " " : "",
			 obj ? obj : "", note);
	else if (value >= 0)
		snprintf(what, sizeof what, "%s%s%s = %d", op, obj ? " " : "",
			 obj ? obj : "", value);
	else if (obj && obj[0]) {
		/* A call named with its parentheses ("fclose()") takes its
		 * object inside them: fclose(stream@1), not fclose()(...). */
		size_t l = strlen(op);
		if (l >= 2 && !strcmp(op + l - 2, "()"))
			l -= 2;
		snprintf(what, sizeof what, "%.*s(%s)%s%s", (int)l, op, obj,
			 note ? " " : "", note ? note : "");
	} else {
		snprintf(what, sizeof what, "%s%s%s", op, note ? " " : "",
			 note ? note : "");
	}
	if (loc && loc->file)
		snprintf(buf, n, "%s  %s:%d", what, weft__file_base(loc->file), loc->line);
	else
		snprintf(buf, n, "%s", what);
}


/* The start of a short " = VALUE" that ends the operation text
 * src..sep (a choice's value), or NULL. */
static const char *value_part(const char *src, const char *sep)
{
	const char *v = NULL;

	for (const char *p = strstr(src, " = "); p && p < sep;
	     p = strstr(p + 1, " = "))
		v = p;
	return v && sep - v <= 12 ? v : NULL;
}

/* Fit a cell into a column: the location at the end stays whole, and so
 * does a choice's short value before it ("kmalloc(GFP_A.. = NULL", not
 * "kmalloc(GFP_ATOMIC) = .."); the operation text before them is
 * shortened. */
static void fit(char *dst, const char *src)
{
	size_t l = strlen(src);
	const char *sep = strstr(src, "  ");
	const char *val;
	size_t tail, keep;

	if (l <= WEFT__TRACE_COL_MAX) {
		memcpy(dst, src, l + 1);
		return;
	}
	tail = sep ? l - (size_t)(sep - src) : 0;
	if (tail + 8 > WEFT__TRACE_COL_MAX)
		tail = 0;
	val = sep && tail ? value_part(src, sep) : NULL;
	if (val && tail + (size_t)(sep - val) + 10 <= WEFT__TRACE_COL_MAX)
		tail = l - (size_t)(val - src);
	keep = WEFT__TRACE_COL_MAX - tail - 2;
	memcpy(dst, src, keep);
	memcpy(dst + keep, "..", 2);
	memcpy(dst + keep + 2, src + l - tail, tail);
	dst[WEFT__TRACE_COL_MAX] = 0;
}

/* Steps a compact trace leaves out unless a report refers to them: a
 * thread's start and exit, and a pthread_join's claim of its thread,
 * drawn by the join that follows it. */
static bool hidden(const struct weft__step *s, bool verbose)
{
	return !verbose && s->op &&
	       (strcmp(s->op, "start") == 0 || strcmp(s->op, "exit") == 0 ||
		strcmp(s->op, "join_claim") == 0);
}

/* One line of the trace before collapsing: a recorded step, or a marked
 * access that is no step (a racing plain access). */
struct item {
	const struct weft__step *s;
	const struct weft__mark *m;
	int tid;
	bool keep;                 /* the report refers to it: never
				      collapsed */
	const char *tag;           /* shown after the operation */
};

/* Whether step s is on the object the mark names (a mark naming none:
 * yes; a step naming none, as the kernel's atomic_read: no). */
static bool same_object(const struct weft__step *s, const struct weft__mark *m)
{
	return !m->obj[0] || (s->objname && strcmp(s->objname, m->obj) == 0);
}

/* The step a marked access belongs to, when the access is the step's own
 * (an atomic or volatile access, or a racing site that is already a
 * scheduling point): same thread, same line, right before it, on the
 * same object, and for a racing site the same kind of access.  A plain
 * race on the same line as an atomic_read was drawn on the atomic's row,
 * and a racing read on the racing write's (found by a probe of kernel
 * patterns). */
static bool coincides(const struct item *prev, const struct weft__mark *m)
{
	const struct weft__step *s = prev->s;
	struct weft__ref r;

	if (!s || s->tid != m->tid || !s->op || !s->loc)
		return false;
	snprintf(r.file, sizeof r.file, "%s", m->file);
	r.line = m->line;
	if (!weft__ref_matches(&r, s->loc) || !same_object(s, m))
		return false;
	if (!strncmp(s->op, "racy ", 5))
		return strcmp(s->op + 5, m->op) == 0;
	/* A model's step that is the access (a free): drawn once, tagged,
	 * however many races it took part in. */
	return !strncmp(s->op, "atomic", 6) || !strncmp(s->op, "volatile_", 9) ||
	       !strcmp(s->op, m->op);
}

static void add_mark(struct item *it, long *n, const struct weft__mark *m)
{
	const char *tag = m->tag[0] ? m->tag : "[race]";

	if (*n > 0 && coincides(&it[*n - 1], m)) {
		it[*n - 1].keep = true;
		it[*n - 1].tag = tag;
		return;
	}
	it[(*n)++] = (struct item){ .m = m, .tid = m->tid, .keep = true,
				    .tag = tag };
}

/* The last step of each thread at each place the report's text names. */
static void keep_referenced(const struct weft__verdict *V, struct item *it,
			    long n)
{
	struct weft__ref refs[32];
	char text[sizeof V->message + sizeof V->detail + 2];
	int nr;

	snprintf(text, sizeof text, "%s\n%s", V->message, V->detail);
	nr = weft__refs_find(text, refs, 32);
	for (int r = 0; r < nr; r++) {
		weft__tset seen = weft__ts_none();
		for (long i = n - 1; i >= 0; i--) {
			const struct weft__step *s = it[i].s;
			if (!s || s->tid < 0 || s->tid >= WEFT__MAX_THREADS ||
			    weft__ts_has(&seen, s->tid) ||
			    !weft__ref_matches(&refs[r], s->loc))
				continue;
			weft__ts_add(&seen, s->tid);
			it[i].keep = true;
		}
	}
}

/* Whether an earlier mark of the order is the same access as m (one
 * access that raced with two others is marked twice, and was drawn as
 * two rows, two stores to the reader). */
static bool drawn_before(const struct weft__mark *marks, const int *order,
			 int q, const struct weft__mark *m)
{
	for (int p = 0; p < q; p++) {
		const struct weft__mark *o = &marks[order[p]];
		if (o->pos == m->pos && o->tid == m->tid &&
		    o->line == m->line && !strcmp(o->op, m->op) &&
		    !strcmp(o->obj, m->obj) && !strcmp(o->file, m->file) &&
		    !strcmp(o->tag, m->tag))
			return true;
	}
	return false;
}

/* Steps and marks in trace order (a mark at position p after step p-1). */
static long build_items(struct weft__shm *S, struct item *it)
{
	const struct weft__step *st = weft__trace_steps(&S->t);
	const struct weft__mark *marks = NULL;
	int nm = weft__marks_of(weft__marks_exec(S), &marks);
	bool used[64] = { false };
	int order[64];
	long n = 0;

	/* By position, the order they came in among equal ones: those past
	 * the end of a trace cut short (a hang after a race, whose trace was
	 * left out) are all drawn at its end, where they came in the order
	 * the races were found, and the JSON report's accesses in trace
	 * order (a review found the two disagreeing). */
	nm = weft__marks_order(marks, nm, order);
	for (long i = 0; i <= S->t.nsteps; i++) {
		/* marks are few: pick those at i in the order they came,
		 * those that are the step just drawn first (an atomic's mark
		 * came after a later plain access's of the same place, and was
		 * drawn after it as a row of its own) */
		for (int pass = 0; pass < 2; pass++)
			for (int q = 0; q < nm; q++) {
				int k = order[q];
				long at = marks[k].pos < S->t.nsteps
						  ? marks[k].pos
						  : S->t.nsteps;
				if (used[k] || at != i ||
				    (!pass && !(n > 0 &&
						coincides(&it[n - 1], &marks[k]))))
					continue;
				used[k] = true;
				if (!drawn_before(marks, order, q, &marks[k]))
					add_mark(it, &n, &marks[k]);
			}
		if (i < S->t.nsteps) {
			const struct weft__step *s = &st[i];
			/* A load that read an older store explains a weak-memory
			 * bug: never folded into "... N more steps" (a probe of
			 * pthread programs found Peterson's stale read hidden
			 * there). */
			bool stale = s->note && !strncmp(s->note, "sees ", 5);
			it[n++] = (struct item){ .s = s, .tid = s->tid,
						 .keep = stale };
		}
	}
	keep_referenced(&S->v, it, n);
	return n;
}

static void item_row(struct weft__trace_row *r, const struct item *x)
{
	char cell[300];

	if (x->s)
		weft__step_cell(cell, sizeof cell, x->s->op, x->s->objname,
				x->s->kind == STEP_CHOICE ? x->s->value : -1,
				x->s->note ? x->s->note : x->tag, x->s->loc);
	else {
		struct weft_loc l = { x->m->file, x->m->line, NULL };
		weft__step_cell(cell, sizeof cell, x->m->op, x->m->obj, -1,
				x->tag, &l);
	}
	r->tid = x->tid;
	r->keep = x->keep;
	fit(r->text, cell);
}

/* Is the k-th of nv visible items of a run shown?  The first two and the
 * last always, kept ones too; what is left between is collapsed. */
static bool shown(const struct item *x, int k, int nv, bool verbose)
{
	return verbose || nv <= 4 || k < 2 || k == nv - 1 || x->keep;
}

static int emit_run(const struct item *it, const long *vis, int nv,
		    bool verbose, struct weft__trace_row *rows, int nr, int max)
{
	for (int k = 0; k < nv && nr < max - 4;) {
		int e = k;
		while (e < nv && !shown(&it[vis[e]], e, nv, verbose))
			e++;
		if (e - k >= 2) {
			rows[nr].tid = it[vis[k]].tid;
			rows[nr].keep = false;
			snprintf(rows[nr].text, sizeof rows[nr].text,
				 "... %d more steps", e - k);
			nr++;
			k = e;
			continue;
		}
		item_row(&rows[nr++], &it[vis[k]]);
		k++;
	}
	return nr;
}

/* A thread still running when the execution stopped, whose steps are
 * all hidden (a start, and nothing else weft saw: it spun, or ran code
 * without a scheduling point, until a limit ended the execution), keeps
 * its start: without it the thread had no column, though the report
 * names it (found by a probe of a spinlock in inline assembly).  A
 * blocked thread has its row already (build_rows). */
static void keep_lone_starts(struct item *it, long n, bool verbose,
			     const struct weft__step *blocked, int nthreads)
{
	long start[WEFT__MAX_THREADS];
	bool seen[WEFT__MAX_THREADS] = { false };

	if (verbose)
		return;
	for (int t = 0; t < WEFT__MAX_THREADS; t++)
		start[t] = -1;
	for (long i = 0; i < n; i++) {
		int t = it[i].tid;
		if (t < 0 || t >= WEFT__MAX_THREADS)
			continue;
		if (it[i].s && it[i].s->op && !strcmp(it[i].s->op, "start"))
			start[t] = i;
		else if (!it[i].s || it[i].keep || !hidden(it[i].s, false) ||
			 (it[i].s->op && !strcmp(it[i].s->op, "exit")))
			seen[t] = true;
	}
	for (int t = 0; t < nthreads && t < WEFT__MAX_THREADS; t++)
		if (!seen[t] && start[t] >= 0 && !(blocked && blocked[t].op))
			it[start[t]].keep = true;
}

/* Build the rows: the visible items, collapsed, then the blocked ops. */
static int build_rows(struct weft__shm *S, bool verbose, struct weft__trace_row *rows,
		      int max, const struct weft__step *blocked)
{
	struct item *it = malloc(sizeof *it * (size_t)(S->t.nsteps + 65));
	long *vis = malloc(sizeof *vis * (size_t)(S->t.nsteps + 65));
	long n = build_items(S, it), i = 0;
	int nr = 0;

	keep_lone_starts(it, n, verbose, blocked, S->t.nthreads);

	while (i < n && nr < max - 4) {
		long j = i;
		int nv = 0;
		/* A run: consecutive items of one thread. */
		for (; j < n && it[j].tid == it[i].tid; j++)
			if (!it[j].s || it[j].keep || !hidden(it[j].s, verbose))
				vis[nv++] = j;
		nr = emit_run(it, vis, nv, verbose, rows, nr, max);
		i = j;
	}
	free(it);
	free(vis);
	for (int t = 0; t < S->t.nthreads && nr < max; t++) {
		char cell[320];
		if (!blocked || !blocked[t].op)
			continue;
		weft__step_cell(cell, sizeof cell, blocked[t].op,
				blocked[t].objname, -1, "[blocked]",
				blocked[t].loc);
		rows[nr].tid = t;
		rows[nr].keep = true;
		fit(rows[nr].text, cell);
		nr++;
	}
	return nr;
}

/* A trace of thousands of rows (an execution cut by the step limit, a
 * long livelock) shows its start and its end, and the rows the report
 * refers to between them; --verbose draws every row.  (A tester's step
 * limit printed 20,000 rows, 2 MB.) */
#define ROWS_HEAD 100
#define ROWS_TAIL 200

static int elide(struct weft__trace_row *rows, int nr)
{
	int end = nr - ROWS_TAIL, out = ROWS_HEAD;

	if (nr <= ROWS_HEAD + ROWS_TAIL + 100)
		return nr;
	for (int i = ROWS_HEAD; i < end;) {
		int j = i;
		while (j < end && !rows[j].keep)
			j++;
		if (j > i) {
			rows[out].tid = rows[i].tid;
			rows[out].keep = false;
			snprintf(rows[out].text, sizeof rows[out].text,
				 "... %d more rows (--verbose)", j - i);
			out++;
		}
		if (j < end)
			rows[out++] = rows[j++];
		i = j;
	}
	memmove(&rows[out], &rows[end], sizeof rows[0] * ROWS_TAIL);
	return out + ROWS_TAIL;
}

void weft__trace_draw(FILE *out, struct weft__shm *S, bool verbose,
		      const struct weft__step *blocked)
{
	const struct weft__trace *T = &S->t;
	static struct weft__trace_row rows[20000];
	int width[WEFT__MAX_THREADS], used[WEFT__MAX_THREADS] = { 0 };
	int nr = build_rows(S, verbose, rows, 20000, blocked);
	int n = T->nthreads, ncols = 0;

	if (!verbose)
		nr = elide(rows, weft__trace_fold(rows, nr));

	for (int t = 0; t < n; t++) {
		width[t] = (int)strlen(T->thread_names[t] ? T->thread_names[t]
							  : "?");
		/* A long name is cut to the column (the line buffer below
		 * holds WEFT__TRACE_COL_MAX characters a column). */
		if (width[t] > WEFT__TRACE_COL_MAX)
			width[t] = WEFT__TRACE_COL_MAX;
		if (width[t] < COL_MIN)
			width[t] = COL_MIN;
	}
	for (int r = 0; r < nr; r++) {
		int l = (int)strlen(rows[r].text);
		if (l > width[rows[r].tid])
			width[rows[r].tid] = l;
		used[rows[r].tid] = 1;
	}
	for (int t = 0; t < n; t++)
		ncols += used[t];
	if (!nr)
		return;
	fputc('\n', out);
	if (ncols > WEFT__TRACE_WIDE && !verbose) {
		weft__trace_draw_linear(out, S, rows, nr);
		return;
	}
	/* Threads that took no visible step get no column (unless
	 * --verbose).  Lines are built whole so no trailing blanks remain. */
	char line[WEFT__MAX_THREADS * (WEFT__TRACE_COL_MAX + 2) + 8], *p = line;
	for (int pass = 0; pass < 2; pass++) {
		p = line;
		p += sprintf(p, "  ");
		for (int t = 0; t < n; t++) {
			if (!used[t] && !verbose)
				continue;
			if (pass == 0)
				p += sprintf(p, "%-*.*s  ", width[t], width[t],
					     T->thread_names[t] ? T->thread_names[t]
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
