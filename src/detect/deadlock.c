/* src/detect/deadlock.c - the report when no thread can run.
 *
 * Every blocked thread is named with the operation it is blocked in, where,
 * and what it waits for (the operation's waitdesc callback, which also
 * names the thread it waits for).  Following those "waits for" edges from
 * each blocked thread finds the cycle, which is printed like lockdep's.
 * A wait for a call nobody made yet (complete(), wake_up()) has an edge
 * only when the program's code names the thread that would make it
 * (weft__wait_via, src/detect/wakers.c); the cycle then shows the object
 * between the two threads. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "detect/race.h"

/* Each thread's wait note (weft__wait_note), valid while serial is the
 * serial of the thread in the record (records are reused). */
static struct {
	uint64_t serial;
	const char *note;
} notes[WEFT__MAX_THREADS];

void weft__wait_note(const char *note)
{
	int self = weft__self();

	if (self < 0)
		return;
	notes[self].serial = weft__thread_serial(self);
	notes[self].note = note;
}

/* The thread a waitdesc is describing for the report (-1: none), and
 * each thread's edge named by weft__wait_via: the thread that would make
 * the call it waits for, and the object between them in the cycle. */
static int describing = -1;
static int via_tid[WEFT__MAX_THREADS];
static const char *via[WEFT__MAX_THREADS];

int weft__wait_described(void)
{
	return describing;
}

void weft__wait_via(int tid, const char *what)
{
	if (describing < 0 || tid < 0 || tid >= weft__nthreads())
		return;
	via_tid[describing] = tid;
	via[describing] = what;
}

/* What thread tid waits for, and its note after it. */
static int describe(int tid, char *buf, size_t n)
{
	const struct weft__op *op = weft__thread_pending(tid);
	int wf = -1;
	size_t used;

	buf[0] = 0;
	via_tid[tid] = -1;
	via[tid] = NULL;
	if (!op || !op->waitdesc) {
		snprintf(buf, n, "%s", op && op->objname ? op->objname : "?");
	} else {
		describing = tid;
		wf = op->waitdesc(op, buf, n);
		describing = -1;
	}
	if (wf < 0)
		wf = via_tid[tid];
	else
		via[tid] = NULL;
	used = strlen(buf);
	if (notes[tid].note && notes[tid].serial == weft__thread_serial(tid) &&
	    used + 1 < n)
		snprintf(buf + used, n - used, " (%s)", notes[tid].note);
	return wf;
}

static const char *where(const struct weft__op *op)
{
	if (!op || !op->loc)
		return "";
	return weft__internf(" at %s:%d", op->loc->file, op->loc->line);
}

/* The program's calls thread tid is blocked under, a detail line each
 * ("    called from f at file:line"), innermost first: a wait inside a
 * wrapper (a pool's cond_wait helper, a pthread_join in a library's
 * cleanup) named only the wrapper's line, the same for every thread (a
 * probe of real programs).  weft's own frames (a thread's start, a model
 * calling a work function) have no line and are left out. */
/* Without the race detector (the core-only build) there is no record of
 * the calls: no lines. */
__attribute__((weak)) int weft__race_stack_of(int t, uintptr_t *out, int max)
{
	(void)t;
	(void)out;
	(void)max;
	return 0;
}

static void callers(int tid)
{
	uintptr_t st[4];
	int k = weft__race_stack_of(tid, st, 4);

	for (int i = 0; i < k; i++) {
		const struct weft_loc *l = weft__pc_loc(st[i]);
		if (l && l->line)
			weft__fail_detail("    called from %s at %s:%d",
					  l->func ? l->func : "?",
					  weft__file_base(l->file), l->line);
	}
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
	for (int i = first; i < k; i++) {
		used += (size_t)snprintf(out + used, used < len ? len - used : 0,
					 "%s -> ", weft__thread_name(path[i]));
		if (via[path[i]])
			used += (size_t)snprintf(out + used,
						 used < len ? len - used : 0,
						 "%s -> ", via[path[i]]);
	}
	snprintf(out + (used < len ? used : len - 1),
		 used < len ? len - used : 1, "%s", weft__thread_name(t));
	return k - first;
}

/* A live thread that is no daemon: a cycle or headline is about one. */
static bool counts(int i)
{
	return !weft__thread_done(i) && !weft__thread_daemon(i);
}

/* Whether the waits-for graph wf has a cycle through a thread that
 * counts without the edges a waitdesc inferred from the program's code
 * (weft__wait_via). */
static bool firm_cycle(const int *wf, int n)
{
	int firm[WEFT__MAX_THREADS], members[WEFT__MAX_THREADS + 1];
	char scratch[1024];

	for (int i = 0; i < n; i++)
		firm[i] = via[i] ? -1 : wf[i];
	for (int i = 0; i < n; i++)
		if (counts(i) && find_cycle(i, firm, n, scratch,
					    sizeof scratch, members))
			return true;
	return false;
}

/* Set by a waitdesc while the report below describes the blocked
 * threads. */
static bool on_bound;

void weft__wait_on_bound(void)
{
	on_bound = true;
}

_Noreturn void weft__deadlock_report(void)
{
	int n = weft__nthreads();
	int wf[WEFT__MAX_THREADS], cycle[WEFT__MAX_THREADS + 1];
	static char desc[WEFT__MAX_THREADS][512];
	char cyc[1024] = "";
	int nblocked = 0, head = -1, ncyc = 0;
	const struct weft__op *op;

	on_bound = false;
	for (int i = 0; i < n; i++) {
		wf[i] = -1;
		if (weft__thread_done(i))
			continue;
		op = weft__thread_pending(i);
		wf[i] = describe(i, desc[i], sizeof desc[i]);
		weft__note_blocked(i);
		weft__fail_detail("thread %s waits in %s(%s)%s for %s",
				  weft__thread_name(i), op->name,
				  op->objname ? op->objname : "", where(op),
				  desc[i]);
		callers(i);
		nblocked++;
	}
	for (int i = 0; i < n && !ncyc; i++)
		if (counts(i))
			ncyc = find_cycle(i, wf, n, cyc, sizeof cyc, cycle);
	if (ncyc)
		weft__fail_detail("cycle: %s", cyc);
	/* The headline names a thread of the cycle (the first non-daemon
	 * one), else the first blocked non-daemon thread. */
	for (int k = 0; k < ncyc && head < 0; k++)
		if (!weft__thread_daemon(cycle[k]))
			head = cycle[k];
	for (int i = 0; i < n && head < 0; i++)
		if (counts(i))
			head = i;
	if (head < 0)
		head = ncyc ? cycle[0] : 0;
	/* A thread that loops for ever (race_stuck.c) is what keeps the
	 * others waiting, or is all that is left: a livelock, named first. */
	for (int i = 0; i < n; i++) {
		op = weft__thread_done(i) ? NULL : weft__thread_pending(i);
		if (op && op->stuck && op->arg)
			weft__fail(WEFT__K(LIVELOCK), op->loc,
				   "thread %s spins for ever here on an atomic "
				   "instruction in inline assembly, and no "
				   "other thread can run: what it waits for "
				   "(a lock weft does not see) is held by a "
				   "thread that waits itself, as natively",
				   weft__thread_name(i));
		if (op && op->stuck)
			weft__fail(WEFT__K(LIVELOCK), op->loc,
				   "thread %s loops for ever here, in a loop "
				   "that reads no memory (weft ran it "
				   "instruction by instruction until its state "
				   "repeated), and no other thread can run: a "
				   "loop's condition read once, before the "
				   "loop, from a plain variable that another "
				   "thread sets (the compiler may keep it in a "
				   "register: make it atomic), or a loop "
				   "without an exit",
				   weft__thread_name(i));
	}
	op = weft__thread_pending(head);
	/* A timer the re-arm bound stopped would fire again in the kernel:
	 * with no cycle of waits to blame, the hang may be weft's bound.  An
	 * edge to the thread whose code would complete a wait (via) is read
	 * from the code, not seen: it explains a cycle, but does not rule
	 * the bound out. */
	if ((on_bound || weft__bound_was_held()) && !firm_cycle(wf, n))
		weft__limit("timer-refire-bound", op->loc,
			    "%d thread%s blocked with no cycle of waits, and a "
			    "timer that re-armed itself WEFT_TIMER_REFIRE_BOUND "
			    "times (a FreeBSD callout: one that fired max_fires "
			    "times) is not fired again in one execution: a hang "
			    "of weft's bound, not necessarily a deadlock",
			    nblocked,
			    nblocked == 1 ? "" : "s");
	weft__fail(WEFT__K(DEADLOCK), op->loc,
		   "%d thread%s blocked; thread %s waits in %s(%s) for %s",
		   nblocked, nblocked == 1 ? "" : "s", weft__thread_name(head),
		   op->name, op->objname ? op->objname : "", desc[head]);
}

/* The process exits while some threads wait, in lock acquisitions, for
 * locks the next one holds: they would hang forever, and only the exit
 * hides it.  No deadlock report can show this (the process ends), and the
 * lock-order graph never sees the waits (an edge is made as a lock is
 * taken), so it is noted here as a lock-order finding, from the state
 * itself.  An exhaustive search reaches every such state, which is what
 * lets the lock-order filter trust an order a semaphore gave the locks in
 * one execution (lockorder_cycle.c). */
void weft__exit_wait_cycle(void)
{
	int n = weft__nthreads(), self = weft__self();
	int wf[WEFT__MAX_THREADS], cycle[WEFT__MAX_THREADS + 1], ncyc = 0;
	char buf[256], cyc[1024], msg[1024];
	uint64_t key = 0x10c4;
	size_t used;

	for (int i = 0; i < n; i++) {
		const struct weft__op *op = weft__thread_pending(i);
		wf[i] = -1;
		if (i == self || weft__thread_done(i) || !op ||
		    !op->lock.cls1 || !op->ready || op->ready(op))
			continue;
		wf[i] = describe(i, buf, sizeof buf);
	}
	for (int i = 0; i < n && !ncyc; i++)
		if (wf[i] >= 0)
			ncyc = find_cycle(i, wf, n, cyc, sizeof cyc, cycle);
	if (!ncyc)
		return;
	used = (size_t)snprintf(msg, sizeof msg,
				"deadlock left at exit: threads %s wait for "
				"each other's locks, and only the process's "
				"exit ends them",
				cyc);
	for (int k = 0; k < ncyc && used < sizeof msg; k++) {
		const struct weft__op *op = weft__thread_pending(cycle[k]);
		describe(cycle[k], buf, sizeof buf);
		used += (size_t)snprintf(msg + used, sizeof msg - used,
					 "\n  thread %s waits in %s(%s)%s for %s",
					 weft__thread_name(cycle[k]), op->name,
					 op->objname ? op->objname : "",
					 where(op), buf);
		key = key * 1000003u + (uint64_t)op->lock.cls1;
	}
	weft__note_finding(WEFT__K(LOCK_ORDER), key, msg);
}
