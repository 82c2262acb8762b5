/* src/detect/deadlock.c - the report when no thread can run.
 *
 * Every blocked thread is named with the operation it is blocked in, where,
 * and what it waits for (the operation's waitdesc callback, which also
 * names the thread it waits for).  Following those "waits for" edges from
 * each blocked thread finds the cycle, which is printed like lockdep's. */
#include <string.h>

#include "sched/sched.h"

static int describe(int tid, char *buf, size_t n)
{
	const struct weft__op *op = weft__X->th[tid].pending;

	buf[0] = 0;
	if (!op || !op->waitdesc) {
		snprintf(buf, n, "%s", op && op->objname ? op->objname : "?");
		return -1;
	}
	return op->waitdesc(op, buf, n);
}

static const char *where(const struct weft__op *op)
{
	if (!op || !op->loc)
		return "";
	return weft__internf(" at %s:%d", op->loc->file, op->loc->line);
}

/* Find a cycle in the waits-for graph starting from start; write it as
 * "a -> b -> a" into out and return its length, or 0. */
static int find_cycle(int start, const int *wf, int n, char *out, size_t len,
		      int *members)
{
	int seen[WEFT__MAX_THREADS], path[WEFT__MAX_THREADS + 1], k = 0;
	int t = start, first = -1;
	size_t used = 0;

	memset(seen, -1, sizeof seen);
	while (t >= 0 && t < n && seen[t] < 0) {
		seen[t] = k;
		path[k++] = t;
		t = wf[t];
	}
	if (t < 0 || t >= n)
		return 0;
	first = seen[t];
	for (int i = first; i < k; i++)
		members[i - first] = path[i];
	out[0] = 0;
	for (int i = first; i < k; i++)
		used += (size_t)snprintf(out + used, used < len ? len - used : 0,
					 "%s -> ", weft__X->th[path[i]].name);
	snprintf(out + (used < len ? used : len - 1),
		 used < len ? len - used : 1, "%s", weft__X->th[t].name);
	return k - first;
}

_Noreturn void weft__deadlock_report(void)
{
	struct weft__exec *X = weft__X;
	int wf[WEFT__MAX_THREADS], cycle[WEFT__MAX_THREADS + 1];
	static char desc[WEFT__MAX_THREADS][512];
	char cyc[1024] = "";
	int nblocked = 0, head = -1, ncyc = 0;

	/* A thread that failed an assumption stopped for good: the execution
	 * is infeasible, and nothing else can run, so it simply ends. */
	if (X->pruned)
		weft__end_execution(EXEC_PRUNED);

	for (int i = 0; i < X->nthreads; i++) {
		struct weft__thread *t = &X->th[i];
		wf[i] = -1;
		if (t->state != TS_LIVE)
			continue;
		wf[i] = describe(i, desc[i], sizeof desc[i]);
		weft__note_blocked(i);
		weft__fail_detail("thread %s waits in %s(%s)%s for %s", t->name,
				  t->pending->name,
				  t->pending->objname ? t->pending->objname
						      : "",
				  where(t->pending), desc[i]);
		nblocked++;
	}
	for (int i = 0; i < X->nthreads && !ncyc; i++)
		if (X->th[i].state == TS_LIVE &&
		    !(X->th[i].flags & WEFT__THREAD_DAEMON))
			ncyc = find_cycle(i, wf, X->nthreads, cyc, sizeof cyc,
					  cycle);
	if (ncyc)
		weft__fail_detail("cycle: %s", cyc);
	/* The headline names a thread of the cycle (the first non-daemon
	 * one), else the first blocked non-daemon thread. */
	for (int k = 0; k < ncyc && head < 0; k++)
		if (!(X->th[cycle[k]].flags & WEFT__THREAD_DAEMON))
			head = cycle[k];
	for (int i = 0; i < X->nthreads && head < 0; i++)
		if (X->th[i].state == TS_LIVE &&
		    !(X->th[i].flags & WEFT__THREAD_DAEMON))
			head = i;
	if (head < 0)
		head = ncyc ? cycle[0] : 0;
	weft__fail(WEFT__K(DEADLOCK), X->th[head].pending->loc,
		   "%d thread%s blocked; thread %s waits in %s(%s) for %s",
		   nblocked, nblocked == 1 ? "" : "s", X->th[head].name,
		   X->th[head].pending->name,
		   X->th[head].pending->objname ? X->th[head].pending->objname
						: "",
		   desc[head]);
}
