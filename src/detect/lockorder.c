/* src/detect/lockorder.c - the lock-order graph (lockdep's idea).
 *
 * Nodes are classes: locks, and events such as "work W finished" or
 * "completion C done".  An edge A -> B means some thread waited for B while
 * holding A.  The graph persists across executions, so two orders seen in
 * different executions still meet; a cycle is a potential deadlock even
 * when no execution deadlocked, and is reported as a non-fatal
 * "lock-order" finding with the sites of each edge.
 *
 * Two kinds of cycle cannot deadlock and are not reported (the false
 * alarms lockdep is known for): cycles whose edges were all taken under a
 * common outer lock (a gate: only one thread can be inside at a time), and
 * cycles whose edges, seen in one execution, are ordered by the program
 * itself (the inverted order is taken only after the thread with the first
 * one was joined, or before it was created: thread creation and join order
 * every schedule, unlike the order in which the locks happened to be
 * taken).  Each execution records, for the edges it takes, the thread's
 * creation/join clock and the locks it held. */
#include <stdlib.h>
#include <string.h>

#include "sched/sched.h"

#define MAX_CLASSES 4096
#define MAX_EDGES 65536
#define HASH_BITS 12

#define MAX_GATES 4

struct edge {
	int from, to;
	const struct weft_loc *from_loc, *to_loc;
	char thread[40];
	int next;                  /* next edge out of `from`, -1 at end */
	int ngate;                 /* other locks held when it was first */
	int gate[MAX_GATES];       /* taken (its possible gates) */
	long inst_exec;            /* execution of its latest instances */
	int inst;                  /* the last of them, in insts[] */
};

/* An edge as taken in the current execution: by whom, when. */
struct instance {
	int tid;
	int prev;                  /* the same edge's previous one, -1 */
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

struct cls {
	const void *key;
	char name[64];
	int first_edge;
};

struct graph {
	int nclasses, nedges;
	struct cls classes[MAX_CLASSES];
	struct edge edges[MAX_EDGES];
	int class_hash[1 << HASH_BITS]; /* class index + 1, open addressing */
};
static struct graph *G;

static void graph_init(void)
{
	if (!G)
		G = weft__persistent_alloc(sizeof *G);
}

static unsigned hkey(const void *k)
{
	uint64_t x = (uint64_t)(uintptr_t)k * 0x9e3779b97f4a7c15ULL;
	return (unsigned)(x >> (64 - HASH_BITS));
}

int weft__class(const void *key, const char *name)
{
	unsigned h;
	struct cls *c;

	graph_init();
	for (h = hkey(key);; h = (h + 1) & ((1u << HASH_BITS) - 1)) {
		int i = G->class_hash[h];
		if (!i)
			break;
		if (G->classes[i - 1].key == key)
			return i - 1;
	}
	if (G->nclasses == MAX_CLASSES)
		weft__die("more than %d lock classes", MAX_CLASSES);
	c = &G->classes[G->nclasses];
	c->key = key;
	snprintf(c->name, sizeof c->name, "%s", name ? name : "?");
	c->first_edge = -1;
	G->class_hash[h] = ++G->nclasses;
	return G->nclasses - 1;
}

/* Static objects are their own key; objects in the tracked heap (or on a
 * stack) are keyed by where they were initialised, as lockdep does, so the
 * class is the same in every execution. */
const void *weft__class_key_for(const void *obj, const struct weft_loc *init)
{
	if (weft__is_tracked(obj) && init)
		return init;
	return obj;
}

/* The graph outlives executions, but a location may live in an
 * execution's report pool (the pthread layer interns its call sites):
 * edges keep their own copies, one per distinct site. */
#define MAX_SITES 4096
struct site {
	struct weft_loc loc;
	char file[160];
	char func[64];
};
static struct site *sites;
static int nsites;

static const struct weft_loc *keep_loc(const struct weft_loc *l)
{
	struct site *s;

	if (!l)
		return NULL;
	if (!sites)
		sites = weft__persistent_alloc(sizeof *sites * MAX_SITES);
	for (int i = nsites - 1; i >= 0; i--) {
		s = &sites[i];
		if (s->loc.line == l->line &&
		    !strcmp(s->file, l->file ? l->file : "") &&
		    !strcmp(s->func, l->func ? l->func : ""))
			return &s->loc;
	}
	if (nsites == MAX_SITES)
		return NULL;
	s = &sites[nsites++];
	snprintf(s->file, sizeof s->file, "%s", l->file ? l->file : "");
	snprintf(s->func, sizeof s->func, "%s", l->func ? l->func : "");
	s->loc = (struct weft_loc){ .file = l->file ? s->file : NULL,
				    .line = l->line,
				    .func = l->func ? s->func : NULL };
	return &s->loc;
}

static int find_edge(int from, int to)
{
	for (int e = G->classes[from].first_edge; e >= 0; e = G->edges[e].next)
		if (G->edges[e].to == to)
			return e;
	return -1;
}

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

static void describe_edge(char *buf, size_t n, const struct edge *e)
{
	const struct weft_loc *a = e->from_loc, *b = e->to_loc;

	snprintf(buf, n,
		 "  %s -> %s: %s held since %s:%d, then %s waited for at "
		 "%s:%d (thread %s)\n",
		 G->classes[e->from].name, G->classes[e->to].name,
		 G->classes[e->from].name, a && a->file ? a->file : "?",
		 a ? a->line : 0, G->classes[e->to].name,
		 b && b->file ? b->file : "?", b ? b->line : 0, e->thread);
}

/* A lock held while taking every edge of the cycle. */
static bool common_gate(const int *edges, int n)
{
	const struct edge *first = &G->edges[edges[0]];

	for (int g = 0; g < first->ngate; g++) {
		bool all = true;
		for (int i = 1; i < n && all; i++) {
			const struct edge *e = &G->edges[edges[i]];
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

/* Every edge of the cycle was taken in this execution, and two of them
 * are ordered by happens-before: the orders never overlap here. */
static bool all_here(const int *edges, int n)
{
	for (int i = 0; i < n; i++)
		if (G->edges[edges[i]].inst_exec != weft__exec_gen())
			return false;
	return true;
}

static bool unordered(const struct instance *a, const struct instance *b)
{
	return a->tid != b->tid && a->vc[a->tid] > b->vc[a->tid] &&
	       b->vc[b->tid] > a->vc[b->tid];
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

static void report_cycle(int new_edge, bool known)
{
	static int via[MAX_CLASSES];
	const struct edge *ne = &G->edges[new_edge];
	char msg[1024], line[300];
	int chain[64], k = 0, all[65];
	uint64_t key = 0;
	size_t used;

	if (!path_exists(ne->to, ne->from, via))
		return;
	/* Walk back from ne->from to ne->to along via[]. */
	for (int c = ne->from; c != ne->to && k < 63; c = G->edges[via[c]].from)
		chain[k++] = via[c];
	memcpy(all, chain, sizeof *chain * (size_t)k);
	all[k] = new_edge;
	if (common_gate(all, k + 1) || ordered_here(all, k + 1) ||
	    insts_full == weft__exec_gen())
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
		const struct edge *e = &G->edges[chain[i]];
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
static bool note_instance(struct edge *e)
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
	memcpy(insts[ninsts].vc, weft__pvc_tick(self), sizeof insts[ninsts].vc);
	ninsts++;
	return true;
}

static void set_gates(struct edge *e, int from)
{
	int held[WEFT__MAX_HELD], n = weft__held(held, WEFT__MAX_HELD);

	e->ngate = 0;
	for (int i = 0; i < n && e->ngate < MAX_GATES; i++)
		if (held[i] != from)
			e->gate[e->ngate++] = held[i];
}

static void add_edge(int from, int to, const struct weft_loc *from_loc,
		     const struct weft_loc *to_loc)
{
	struct edge *e;
	int self = weft__self(), idx;

	if (from == to)
		return;
	idx = find_edge(from, to);
	if (idx >= 0) {
		/* Known edge: a cycle may now be concurrent in this
		 * execution where it was ordered in another. */
		if (note_instance(&G->edges[idx]))
			report_cycle(idx, true);
		return;
	}
	if (G->nedges == MAX_EDGES)
		return; /* the graph is saturated; older edges still count */
	e = &G->edges[G->nedges];
	*e = (struct edge){ .from = from, .to = to,
			    .from_loc = keep_loc(from_loc),
			    .to_loc = keep_loc(to_loc), .inst_exec = -1,
			    .next = G->classes[from].first_edge };
	snprintf(e->thread, sizeof e->thread, "%s",
		 self >= 0 ? weft__thread_name(self) : "?");
	set_gates(e, from);
	note_instance(e);
	G->classes[from].first_edge = G->nedges++;
	report_cycle(G->nedges - 1, false);
}

void weft__dep_edge(int from, int to, const struct weft_loc *from_loc,
		    const struct weft_loc *to_loc)
{
	graph_init();
	add_edge(from, to, from_loc, to_loc);
}

void weft__wait_on_class(int cls, const struct weft_loc *loc)
{
	struct weft__thread *t;

	if (weft__self() < 0)
		return;
	t = &weft__X->th[weft__self()];
	for (int i = 0; i < t->nheld; i++)
		add_edge(t->held[i], cls, t->held_loc[i], loc);
}

void weft__lock_acquire(int cls, const struct weft_loc *loc, bool try)
{
	struct weft__thread *t;

	if (weft__self() < 0)
		return;
	t = &weft__X->th[weft__self()];
	if (!try)
		weft__wait_on_class(cls, loc);
	if (t->nheld == WEFT__MAX_HELD)
		weft__fail(WEFT__K(MISUSE), loc,
			   "more than %d locks held at once",
			   WEFT__MAX_HELD);
	t->held[t->nheld] = cls;
	t->held_loc[t->nheld++] = loc;
}

void weft__lock_release(int cls, const struct weft_loc *loc)
{
	struct weft__thread *t;

	(void)loc;
	if (weft__self() < 0)
		return;
	t = &weft__X->th[weft__self()];
	for (int i = t->nheld - 1; i >= 0; i--) {
		if (t->held[i] != cls)
			continue;
		memmove(&t->held[i], &t->held[i + 1],
			sizeof t->held[0] * (size_t)(t->nheld - i - 1));
		memmove(&t->held_loc[i], &t->held_loc[i + 1],
			sizeof t->held_loc[0] * (size_t)(t->nheld - i - 1));
		t->nheld--;
		return;
	}
}

int weft__held(int *out, int max)
{
	struct weft__thread *t;
	int n;

	if (weft__self() < 0)
		return 0;
	t = &weft__X->th[weft__self()];
	n = t->nheld < max ? t->nheld : max;
	memcpy(out, t->held, sizeof(int) * (size_t)n);
	return n;
}

void weft__lockorder_end(void)
{
}

const char *weft__class_name(int cls)
{
	return G && cls >= 0 && cls < G->nclasses ? G->classes[cls].name : "?";
}
