/* src/detect/lockorder.c - the lock-order graph (lockdep's idea).
 *
 * Nodes are classes: locks, and events such as "work W finished" or
 * "completion C done".  An edge A -> B means some thread waited for B while
 * holding A.  The graph persists across executions, so two orders seen in
 * different executions still meet; a cycle is a potential deadlock even
 * when no execution deadlocked, and is reported as a non-fatal
 * "lock-order" finding with the sites of each edge. */
#include <string.h>

#include "sched/sched.h"

#define MAX_CLASSES 4096
#define MAX_EDGES 65536
#define HASH_BITS 12

struct edge {
	int from, to;
	const struct weft_loc *from_loc, *to_loc;
	char thread[40];
	int next;                  /* next edge out of `from`, -1 at end */
};

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

static void report_cycle(int new_edge)
{
	static int via[MAX_CLASSES];
	const struct edge *ne = &G->edges[new_edge];
	char msg[1024], line[300];
	int chain[64], k = 0;
	uint64_t key = 0;
	size_t used;

	if (!path_exists(ne->to, ne->from, via))
		return;
	/* Walk back from ne->from to ne->to along via[]. */
	for (int c = ne->from; c != ne->to && k < 63; c = G->edges[via[c]].from)
		chain[k++] = via[c];
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
	weft__note_finding("lock-order", key, msg);
}

static void add_edge(int from, int to, const struct weft_loc *from_loc,
		     const struct weft_loc *to_loc)
{
	struct edge *e;
	int self = weft__self();

	if (from == to || find_edge(from, to) >= 0)
		return;
	if (G->nedges == MAX_EDGES)
		return; /* the graph is saturated; older edges still count */
	e = &G->edges[G->nedges];
	*e = (struct edge){ .from = from, .to = to, .from_loc = from_loc,
			    .to_loc = to_loc,
			    .next = G->classes[from].first_edge };
	snprintf(e->thread, sizeof e->thread, "%s",
		 self >= 0 ? weft__thread_name(self) : "?");
	G->classes[from].first_edge = G->nedges++;
	report_cycle(G->nedges - 1);
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
		weft__fail("misuse", loc, "more than %d locks held at once",
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
