/* src/detect/lockorder_cycle.c - the cycles of the lock-order graph
 * (lockorder.c): the one a new edge closes, reported as a possible
 * deadlock unless it cannot deadlock.
 *
 * Three kinds of cycle cannot deadlock and are not reported (the false
 * alarms lockdep is known for): cycles whose edges were all taken under a
 * common outer lock (a gate: only one thread can be inside at a time),
 * cycles whose every edge only one thread ever took (one_thread), and
 * cycles whose edges, seen in one execution, are ordered by the program
 * itself (the inverted order is taken only after the thread with the first
 * one was joined, or before it was created, or after a semaphore wait that
 * took a count the first one's thread posted once done: creation, join and
 * such a wait order the schedule, unlike the order in which the locks
 * happened to be taken).  Each execution records, for the edges it takes,
 * the thread's program clock (weft__pvc_tick) and the locks it held.
 *
 * A semaphore's order is this execution's: a wait whose count another
 * post could have given would be ordered after a post it did not need.
 * The orders are then overlapping in another execution, which an
 * exhaustive search runs; and if they can hang, threads end up waiting for
 * each other's locks, which is a deadlock report, or a lock-order finding
 * when the process exits past them (weft__exit_wait_cycle).  The random
 * and PCT strategies run only some executions: an inversion a semaphore
 * happened to order in those is not reported, where the creation and
 * join filter alone would report it. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#define WEFT__LOCKORDER_OWN /* its short names, lockorder.h */
#include "detect/lockorder.h"

/* An edge as taken in the current execution: by whom, when. */
struct instance {
	int tid;
	int prev;                  /* the same edge's previous one, -1 */
	int nvc;                   /* the entries of vc copied */
	weft__vclock vc;
};
/* Grown as needed (a program with a few hundred threads takes an edge in
 * each); past MAX_INSTANCES an execution cannot tell ordered cycles from
 * overlapping ones, so it reports none (insts_full) rather than a false
 * one. */
#define MAX_INSTANCES (1 << 16)
static struct instance *insts;
static int ninsts, cap_insts;
static long insts_exec = -1, insts_full = -1;

/* Breadth-first search for a path from -> ... -> to; fills via[] with the
 * edge used to reach each class.  Returns true when found. */
static bool path_exists(int from, int to, int *via)
{
	static int queue[MAX_CLASSES];
	static unsigned char seen[MAX_CLASSES];
	int head = 0, tail = 0;

	memset(seen, 0, (size_t)G->nclasses);
	queue[tail++] = from;
	seen[from] = 1;
	while (head < tail) {
		int c = queue[head++];
		if (c == to)
			return true;
		for (int e = G->classes[c].first_edge; e >= 0;
		     e = G->edges[e].next) {
			int t = G->edges[e].to;
			if (seen[t])
				continue;
			seen[t] = 1;
			via[t] = e;
			queue[tail++] = t;
		}
	}
	return false;
}

static void describe_edge(char *buf, size_t n, const struct weft__lo_edge *e)
{
	const struct weft_loc *a = e->from_loc, *b = e->to_loc;

	snprintf(buf, n,
		 "  %s -> %s: %s held since %s:%d, then %s waited for at "
		 "%s:%d (thread %s%s%s%s)\n",
		 G->classes[e->from].name, G->classes[e->to].name,
		 G->classes[e->from].name, a && a->file ? a->file : "?",
		 a ? a->line : 0, G->classes[e->to].name,
		 b && b->file ? b->file : "?", b ? b->line : 0, e->thread,
		 e->takers ? "; thread " : "", e->takers ? e->other : "",
		 e->takers ? " took it too" : "");
}

/* A lock held while taking every edge of the cycle. */
static bool common_gate(const int *edges, int n)
{
	const struct weft__lo_edge *first = &G->edges[edges[0]];

	for (int g = 0; g < first->ngate; g++) {
		bool all = true;
		for (int i = 1; i < n && all; i++) {
			const struct weft__lo_edge *e = &G->edges[edges[i]];
			bool has = false;
			for (int k = 0; k < e->ngate; k++)
				has |= e->gate[k] == first->gate[g];
			all = has;
		}
		if (all)
			return true;
	}
	return false;
}

/* Every edge of the cycle was taken, in every execution so far, by the
 * thread of one name only.  A deadlock on a cycle has a different thread
 * blocked at each edge: a thread waits in one place at a time.  So when
 * the edges come from one thread's different executions, such as a
 * remover that holds L and waits for completion C (L -> C) when another
 * thread dropped the last reference, and calls complete(C) under L
 * itself (C -> L) when it dropped the last one, no schedule pairs them:
 * its own complete cannot be what it waits for, and its wait cannot keep
 * a complete of its own from taking L.  Nor does the count matter
 * (complete_all, a reinit_completion in between): whichever completer
 * the wait needs is another thread, whose edge has another name.  One
 * execution's such cycles are ordered_here's; this is the same across
 * executions, the thread's name standing for the thread (names are the
 * spawn's, numbered in creation order, and the system threads' are by
 * role).  When another thread takes one of the edges later, add_edge
 * checks the cycle again. */
static bool one_thread(const int *edges, int n)
{
	const struct weft__lo_edge *first = &G->edges[edges[0]];

	for (int i = 0; i < n; i++) {
		const struct weft__lo_edge *e = &G->edges[edges[i]];
		if (e->takers || e->taker != first->taker)
			return false;
	}
	return true;
}

/* Every edge of the cycle was taken in this execution, and two of them
 * are ordered by happens-before: the orders never overlap here. */
static bool all_here(const int *edges, int n)
{
	for (int i = 0; i < n; i++)
		if (G->edges[edges[i]].inst_exec != weft__exec_gen())
			return false;
	return true;
}

/* Entry t of an instance's clock.  Only the entries of the threads the
 * execution had when the instance was taken are copied (a whole clock is
 * 1 KiB, which showed in profiles): the others were 0, as every clock is
 * zero beyond the threads created so far (a clock has weft__nthreads()
 * meaningful entries, internal.h). */
static uint32_t vc_at(const struct instance *a, int t)
{
	return t < a->nvc ? a->vc[t] : 0;
}

static bool unordered(const struct instance *a, const struct instance *b)
{
	return a->tid != b->tid && vc_at(a, a->tid) > vc_at(b, a->tid) &&
	       vc_at(b, b->tid) > vc_at(a, b->tid);
}

/* Choose one instance of each edge from k on, each unordered with the ones
 * chosen before it. */
static bool pick(const int *edges, int n, int k, int *chosen)
{
	if (k == n)
		return true;
	for (int i = G->edges[edges[k]].inst; i >= 0; i = insts[i].prev) {
		bool ok = true;
		for (int j = 0; j < k && ok; j++)
			ok = unordered(&insts[chosen[j]], &insts[i]);
		chosen[k] = i;
		if (ok && pick(edges, n, k + 1, chosen))
			return true;
	}
	return false;
}

/* Every edge of the cycle was taken in this execution, and no choice of
 * their instances is pairwise unordered: the orders never overlap here. */
static bool ordered_here(const int *edges, int n)
{
	int chosen[65];

	return all_here(edges, n) && !pick(edges, n, 0, chosen);
}

void report_cycle(int new_edge, bool known)
{
	static int via[MAX_CLASSES];
	const struct weft__lo_edge *ne = &G->edges[new_edge];
	char msg[1024], line[400];
	int chain[64], k = 0, all[65];
	uint64_t key = 0;
	size_t used;

	if (ne->nopath == G->nedges)
		return;
	if (!path_exists(ne->to, ne->from, via)) {
		G->edges[new_edge].nopath = G->nedges;
		return;
	}
	/* Walk back from ne->from to ne->to along via[]. */
	for (int c = ne->from; c != ne->to && k < 63; c = G->edges[via[c]].from)
		chain[k++] = via[c];
	memcpy(all, chain, sizeof *chain * (size_t)k);
	all[k] = new_edge;
	if (common_gate(all, k + 1) || one_thread(all, k + 1) ||
	    ordered_here(all, k + 1) || insts_full == weft__exec_gen())
		return;
	/* An edge seen before closing a cycle again: only a cycle whose
	 * every edge this execution took concurrently is news. */
	if (known && !all_here(all, k + 1))
		return;
	used = (size_t)snprintf(msg, sizeof msg,
				"possible deadlock: cycle of %d in the lock "
				"order\n",
				k + 1);
	describe_edge(line, sizeof line, ne);
	used += (size_t)snprintf(msg + used, sizeof msg - used, "%s", line);
	key = (uint64_t)ne->from * 1000003u + (uint64_t)ne->to;
	for (int i = k - 1; i >= 0 && used < sizeof msg; i--) {
		const struct weft__lo_edge *e = &G->edges[chain[i]];
		describe_edge(line, sizeof line, e);
		used += (size_t)snprintf(msg + used, sizeof msg - used, "%s",
					 line);
		key += (uint64_t)e->from * 1000003u + (uint64_t)e->to;
	}
	if (used && used < sizeof msg && msg[used - 1] == '\n')
		msg[used - 1] = 0;
	weft__note_finding(WEFT__K(LOCK_ORDER), key, msg);
}

/* Record this execution's instance of edge e by the calling thread (its
 * first one only: later ones of the same thread come after it anyway). */
bool note_instance(struct weft__lo_edge *e)
{
	long now = weft__exec_gen();
	int self = weft__self();

	if (insts_exec != now) {
		/* Kept across executions and not cleared: every entry is
		 * written before it is read, and clearing the table per
		 * execution showed in profiles. */
		ninsts = 0;
		insts_exec = now;
	}
	if (self < 0)
		return false;
	if (ninsts == cap_insts) {
		int cap = cap_insts ? cap_insts * 2 : 256;
		struct instance *p;
		if (cap > MAX_INSTANCES ||
		    !(p = realloc(insts, sizeof *insts * (size_t)cap))) {
			insts_full = now;
			return false;
		}
		insts = p;
		cap_insts = cap;
	}
	if (e->inst_exec != now)
		e->inst = -1;
	for (int i = e->inst; i >= 0; i = insts[i].prev)
		if (insts[i].tid == self)
			return false;
	insts[ninsts].prev = e->inst;
	e->inst_exec = now;
	e->inst = ninsts;
	insts[ninsts].tid = self;
	insts[ninsts].nvc = weft__nthreads();
	memcpy(insts[ninsts].vc, weft__pvc_tick(self),
	       sizeof insts[ninsts].vc[0] * (size_t)insts[ninsts].nvc);
	ninsts++;
	return true;
}
