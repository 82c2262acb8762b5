/* src/detect/lockorder.c - the lock-order graph (lockdep's idea).
 *
 * Nodes are classes: locks, and events such as "work W finished" or
 * "completion C done".  An edge A -> B means some thread waited for B while
 * holding A.  The graph persists across executions, so two orders seen in
 * different executions still meet; a cycle is a potential deadlock even
 * when no execution deadlocked, and is reported as a non-fatal
 * "lock-order" finding with the sites of each edge.  This file keeps the
 * classes, the edges and the locks each thread holds; lockorder_cycle.c
 * finds the cycles a new edge closes and decides which can deadlock. */
#include <stdio.h>
#include <string.h>

#define WEFT__LOCKORDER_OWN /* its short names, lockorder.h */
#include "detect/lockorder.h"

struct weft__lo_graph *weft__LO;

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
	struct weft__lo_class *c;

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

static void set_gates(struct weft__lo_edge *e, int from)
{
	int held[WEFT__MAX_HELD], n = weft__held(held, WEFT__MAX_HELD);

	e->ngate = 0;
	for (int i = 0; i < n && e->ngate < MAX_GATES; i++)
		if (held[i] != from)
			e->gate[e->ngate++] = held[i];
}

/* The thread's name, hashed whole (FNV-1a): the edge keeps only the first
 * 39 bytes of it to show. */
static uint64_t name_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
	return h;
}

static void add_edge(int from, int to, const struct weft_loc *from_loc,
		     const struct weft_loc *to_loc)
{
	struct weft__lo_edge *e;
	int self = weft__self(), idx;
	const char *name = self >= 0 ? weft__thread_name(self) : "?";

	if (from == to)
		return;
	idx = find_edge(from, to);
	if (idx >= 0) {
		/* Known edge: a cycle may now be concurrent in this
		 * execution where it was ordered in another.  An edge a
		 * second thread takes may close a cycle that was left out
		 * as one thread's (lockorder_cycle.c), in whichever
		 * execution its other edges were: checked as a new edge. */
		e = &G->edges[idx];
		if (self >= 0 && !e->takers && e->taker != name_hash(name)) {
			e->takers = true;
			snprintf(e->other, sizeof e->other, "%s", name);
			note_instance(e);
			report_cycle(idx, false);
		} else if (note_instance(e)) {
			report_cycle(idx, true);
		}
		return;
	}
	if (G->nedges == MAX_EDGES)
		return; /* the graph is saturated; older edges still count */
	e = &G->edges[G->nedges];
	*e = (struct weft__lo_edge){ .from = from, .to = to,
			    .from_loc = keep_loc(from_loc),
			    .to_loc = keep_loc(to_loc), .inst_exec = -1,
			    .next = G->classes[from].first_edge };
	snprintf(e->thread, sizeof e->thread, "%s", name);
	e->taker = name_hash(name);
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

/* The locks each thread holds, in the order taken (the model kit's
 * held-lock set, internal.h): in the entry of the thread's record, read as
 * empty when written under another thread's serial (a reused record, an
 * earlier execution). */
struct held_set {
	uint64_t serial;
	int n;
	struct weft__held_lock e[WEFT__MAX_HELD];
};
/* The last entry is for locks taken outside any test thread (set-up
 * code): they are held, but make no edges. */
static struct held_set held_sets[WEFT__MAX_THREADS + 1];

static struct held_set *held_of(int tid)
{
	struct held_set *h = &held_sets[tid < 0 ? WEFT__MAX_THREADS : tid];
	uint64_t serial = tid < 0 ? (uint64_t)weft__exec_gen() << 32 | UINT32_MAX
				  : weft__thread_serial(tid);

	if (h->serial != serial) {
		h->serial = serial;
		h->n = 0;
	}
	return h;
}

int weft__held_locks(int tid, const struct weft__held_lock **out)
{
	const struct held_set *h = held_of(tid);

	*out = h->e;
	return h->n;
}

long weft__held_since(int tid, const void *obj)
{
	const struct held_set *h = held_of(tid);

	for (int i = h->n - 1; i >= 0; i--)
		if (h->e[i].obj == obj)
			return h->e[i].step;
	return -1;
}

/* Thread h's holder waits for cls at loc: an edge from each lock held. */
static void wait_on(const struct held_set *h, int cls,
		    const struct weft_loc *loc)
{
	for (int i = 0; i < h->n; i++)
		add_edge(h->e[i].cls, cls, h->e[i].at, loc);
}

void weft__wait_on_class(int cls, const struct weft_loc *loc)
{
	int self = weft__self();

	if (self >= 0)
		wait_on(held_of(self), cls, loc);
}

static void acquire_obj(int cls, const void *obj, const void *tag,
			bool spins, const struct weft_loc *loc, bool try)
{
	int self = weft__self();
	struct held_set *h = held_of(self);

	if (!try && self >= 0)
		wait_on(h, cls, loc);
	if (h->n == WEFT__MAX_HELD)
		weft__limit("lock-depth", loc,
			    "a thread held more than %d locks at once, the "
			    "depth weft's held-lock set keeps (lockdep's "
			    "MAX_LOCK_DEPTH)", WEFT__MAX_HELD);
	h->e[h->n++] = (struct weft__held_lock){
		.cls = cls, .at = loc, .obj = obj, .tag = tag, .spins = spins,
		.step = weft__step_no() };
}

void weft__lock_acquire(int cls, const struct weft_loc *loc, bool try)
{
	acquire_obj(cls, NULL, NULL, false, loc, try);
}

/* Take out the innermost entry of obj if given, else of class cls. */
static void release_obj(int cls, const void *obj)
{
	struct held_set *h = held_of(weft__self());

	for (int i = h->n - 1; i >= 0; i--) {
		if (obj ? h->e[i].obj != obj : h->e[i].cls != cls)
			continue;
		/* The innermost lock is the usual one to go: nothing moves. */
		if (i < h->n - 1)
			memmove(&h->e[i], &h->e[i + 1],
				sizeof h->e[0] * (size_t)(h->n - i - 1));
		h->n--;
		return;
	}
}

void weft__lock_release(int cls, const struct weft_loc *loc)
{
	(void)loc;
	release_obj(cls, NULL);
}

/* A step listener: the lock effect the model described on the step
 * (op->lock), applied as thread tid takes it, before the model's own code
 * changes the lock.  lock_now settles an effect that depends on the
 * state, which cannot change between here and that code. */
void weft__lockorder_step(int tid, const struct weft__op *op)
{
	const struct weft__op_lock *l = &op->lock;
	uint8_t e;

	(void)tid; /* the step's thread is the current one */
	if (!l->cls1)
		return;
	e = op->lock_now ? op->lock_now(op) : l->effect;
	if (e == WEFT__LOCK_ACQUIRE || e == WEFT__LOCK_TRY)
		acquire_obj(l->cls1 - 1, l->obj, l->tag, l->spins, op->loc,
			    e == WEFT__LOCK_TRY || weft__in_timed_wait());
	else if (e == WEFT__LOCK_RELEASE)
		release_obj(l->cls1 - 1, l->obj);
}

int weft__held(int *out, int max)
{
	struct held_set *h;
	int n;

	if (weft__self() < 0)
		return 0;
	h = held_of(weft__self());
	n = h->n < max ? h->n : max;
	for (int i = 0; i < n; i++)
		out[i] = h->e[i].cls;
	return n;
}

bool weft__thread_holds(int tid, int cls, const struct weft_loc *at)
{
	const struct held_set *h;

	if (weft__thread_done(tid))
		return false;
	h = held_of(tid);
	for (int i = 0; i < h->n; i++)
		if (h->e[i].cls == cls && h->e[i].at == at)
			return true;
	return false;
}

const char *weft__class_name(int cls)
{
	return G && cls >= 0 && cls < G->nclasses ? G->classes[cls].name : "?";
}
