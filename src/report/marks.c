/* src/report/marks.c - what a report refers to, so the drawn trace shows
 * it.
 *
 * A racing plain access is no step of the trace (it becomes a scheduling
 * point only after the race is found), so the race detector leaves a mark:
 * the thread, the access and the place in the trace where it happened.
 * Marks live in memory shared with the parent, one region per worker; the
 * parent points weft__marks_use at a job's region before forking it, so
 * the worker writes where the parent will read.
 *
 * An access made by thread t while its clock entry was k happened right
 * after t's k-th step: between two scheduling points a thread runs alone,
 * so no other thread's step comes between its step and its plain code. */
#include <string.h>
#include <sys/mman.h>

#include "report.h"

#define MARKS_MAX 32

/* Marks of two executions: the first that left any (the one whose record
 * is kept for a finding) and the latest (the one a bug ended). */
struct weft__marks {
	long first_exec, cur_exec;
	long running;              /* the execution that began last */
	int nfirst, ncur;
	struct weft__mark first[MARKS_MAX], cur[MARKS_MAX];
};

static struct weft__marks *M;

struct weft__marks *weft__marks_create(void)
{
	struct weft__marks *m = mmap(NULL, sizeof *m, PROT_READ | PROT_WRITE,
				     MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (m == MAP_FAILED)
		weft__die("cannot map %zu bytes of shared memory", sizeof *m);
	weft__marks_clear(m);
	return m;
}

void weft__marks_clear(struct weft__marks *m)
{
	memset(m, 0, sizeof *m);
	m->first_exec = m->cur_exec = m->running = -1;
}

void weft__marks_use(struct weft__marks *m)
{
	M = m;
}

/* Where in the trace thread tid's access with clock k happened: after
 * its k-th step (before its first one when k is 0). */
static long position(int tid, uint32_t k)
{
	struct weft__trace *T = &weft__S->t;
	const struct weft__step *st = weft__trace_steps(T);
	uint32_t seen = 0;

	for (long i = 0; i < T->nsteps; i++) {
		if (st[i].tid != tid)
			continue;
		if (seen == k)
			return i;
		if (++seen == k)
			return i + 1;
	}
	return T->nsteps;
}

static struct weft__mark *new_mark(void)
{
	long exec = weft__exec_no();

	if (M->first_exec < 0)
		M->first_exec = exec;
	if (exec == M->first_exec)
		return M->nfirst == MARKS_MAX ? NULL : &M->first[M->nfirst++];
	if (exec != M->cur_exec) {
		M->cur_exec = exec;
		M->ncur = 0;
	}
	return M->ncur == MARKS_MAX ? NULL : &M->cur[M->ncur++];
}

static void fill(struct weft__mark *m, long pos, int tid, const char *op,
		 const char *obj, const struct weft_loc *loc)
{
	memset(m, 0, sizeof *m);
	m->pos = pos;
	m->tid = tid;
	snprintf(m->op, sizeof m->op, "%s", op);
	snprintf(m->obj, sizeof m->obj, "%s", obj ? obj : "");
	snprintf(m->file, sizeof m->file, "%s",
		 loc && loc->file ? loc->file : "");
	m->line = loc ? loc->line : 0;
}

void weft__mark_here(const char *op, const char *obj,
		     const struct weft_loc *loc, const char *tag)
{
	struct weft__mark *m;
	int tid = weft__self();

	if (!M || !weft__S || tid < 0 || !(m = new_mark()))
		return;
	fill(m, weft__S->t.nsteps, tid, op, obj, loc);
	snprintf(m->tag, sizeof m->tag, "%s", tag);
}

void weft__mark_access(int tid, uint32_t clk, const char *op,
		       const char *obj, const struct weft_loc *loc)
{
	struct weft__mark *m;

	if (!M || !weft__S || !(m = new_mark()))
		return;
	/* An atomic access belongs to the epoch before its own step (the
	 * race detector's clk), but happened at that step: drawn after it,
	 * where the report draws the step itself with the mark's tag.  It
	 * was drawn before the thread's earlier plain accesses of that
	 * epoch, out of program order, and then again as the step. */
	if (!strncmp(op, "atomic", 6))
		clk++;
	fill(m, position(tid, clk), tid, op, obj, loc);
}

/* A bug that ended its execution (an assertion, a crash that killed the
 * worker) happened in the execution that began last; its record's
 * number is counted from the executions that finished, which a re-run
 * of one (a probe, once a race made new scheduling points) leaves
 * behind: the marks of the first run, a write that never happened in
 * the one that crashed, were drawn into its trace (found by a probe of
 * real programs). */
long weft__marks_running(void)
{
	return M ? M->running : -1;
}

long weft__marks_exec(const struct weft__shm *S)
{
	return S->v.bug_fatal && weft__marks_running() >= 0
		       ? weft__marks_running()
		       : S->v.bug_exec;
}

int weft__marks_of(long exec, const struct weft__mark **out)
{
	if (!M)
		return 0;
	if (exec == M->first_exec) {
		*out = M->first;
		return M->nfirst;
	}
	if (exec == M->cur_exec) {
		*out = M->cur;
		return M->ncur;
	}
	return 0;
}

/* Whether mark a is drawn after mark b: by position; at one position, a
 * thread's marks by line.  The accesses of one thread between two of its
 * steps share a clock entry, so their order is not known; the order the
 * races were found in is no better a guess, and drew a thread's read of
 * line 6 above its write of line 5 (a probe of SV-COMP tasks): the
 * source's order is right in straight-line code, and only a loop's
 * rounds can differ. */
static bool after(const struct weft__mark *a, const struct weft__mark *b)
{
	if (a->pos != b->pos)
		return a->pos > b->pos;
	return a->tid == b->tid && !strcmp(a->file, b->file) &&
	       a->line > b->line;
}

int weft__marks_order(const struct weft__mark *m, int n, int order[64])
{
	n = n < 64 ? n : 64;
	for (int i = 0; i < n; i++) {
		int j = i;
		for (; j > 0 && after(&m[order[j - 1]], &m[i]); j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	return n;
}

/* ---- the replay context of the running execution ---------------------- */

/* A token carries the racing sites known when its execution started
 * (internal.h, "replay context").  The worker stores them when an
 * execution ends in a bug; an execution that crashes the worker, or hangs
 * until it is killed, never ends, so they are stored as every execution
 * starts (after the explorer's mark), and the token of a crash or a hang
 * replays with the same scheduling points. */
void weft__report_marks_begin(void)
{
	long exec = weft__exec_no();

	/* A run again under the same number replaces the marks of the
	 * last. */
	if (M) {
		M->running = exec;
		if (exec == M->first_exec)
			M->nfirst = 0;
		if (exec == M->cur_exec)
			M->ncur = 0;
	}
	struct weft__trace *T = weft__S ? &weft__S->t : NULL;

	if (T)
		T->nctx = weft__exec_context_export(
			T->ctx, (int)(sizeof T->ctx / sizeof T->ctx[0]));
}
