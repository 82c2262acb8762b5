/* src/detect/deadlock.c - the report when no thread can run.
 *
 * Every blocked thread is named with the operation it is blocked in, where,
 * and what it waits for (the operation's waitdesc callback, which also
 * names the thread it waits for).  Following those "waits for" edges from
 * each blocked thread finds the cycle, which is printed like lockdep's. */
#include <string.h>

#include "sched/sched.h"

void weft__end_execution(enum exec_result r) __attribute__((noreturn));

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
static int find_cycle(int start, const int *wf, int n, char *out, size_t len)
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
	int wf[WEFT__MAX_THREADS];
	char desc[512], cyc[1024] = "", first_msg[700] = "";
	const struct weft_loc *loc = NULL;
	int nblocked = 0;

	for (int i = 0; i < X->nthreads; i++) {
		struct weft__thread *t = &X->th[i];
		wf[i] = -1;
		if (t->state != TS_LIVE)
			continue;
		wf[i] = describe(i, desc, sizeof desc);
		weft__S->blocked[i] = (struct weft__step){
			.tid = (int16_t)i, .op = t->pending->name,
			.objname = t->pending->objname, .loc = t->pending->loc,
			.value = -1 };
		weft__fail_detail("thread %s waits in %s(%s)%s for %s", t->name,
				  t->pending->name,
				  t->pending->objname ? t->pending->objname
						      : "",
				  where(t->pending), desc);
		if (!(t->flags & WEFT__THREAD_DAEMON) && !loc) {
			loc = t->pending->loc;
			snprintf(first_msg, sizeof first_msg,
				 "thread %s waits in %s(%s) for %s", t->name,
				 t->pending->name,
				 t->pending->objname ? t->pending->objname
						     : "",
				 desc);
		}
		nblocked++;
	}
	for (int i = 0; i < X->nthreads && !cyc[0]; i++)
		if (X->th[i].state == TS_LIVE &&
		    !(X->th[i].flags & WEFT__THREAD_DAEMON))
			find_cycle(i, wf, X->nthreads, cyc, sizeof cyc);
	if (cyc[0])
		weft__fail_detail("cycle: %s", cyc);
	weft__fail("deadlock", loc, "%d thread%s blocked; %s", nblocked,
		   nblocked == 1 ? "" : "s", first_msg);
}
