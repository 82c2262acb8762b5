/* src/tsan/weak.c - what a C11 atomic load may read: the stores it may see
 * besides the latest one, and the clocks the memory orders and fences
 * carry.
 *
 * weft runs one interleaving at a time, so memory holds the latest store to
 * each location.  Under C11 (and on every multiprocessor: store buffers,
 * caches) a load that is not seq_cst may also read an older store, as long
 * as coherence allows it: not older than a store that happens before the
 * load (through the clocks), nor than one the thread already read or wrote,
 * nor than one made before a seq_cst fence that precedes a seq_cst fence
 * of the loading thread.  This is the view-based model of C11Tester and of
 * CDSChecker without its promises: a load reads a store made before it in
 * the interleaving.  It finds store buffering (SB), message passing with a
 * relaxed flag (MP), independent reads of independent writes (IRIW); a load
 * that reads a store made later in the interleaving (load buffering, LB)
 * is not explored.
 *
 * Each location an atomic touches keeps its last HIST stores, with the
 * value, the storing thread's epoch and the clock an acquirer of that store
 * joins (its release clock: the storer's at a release store or after a
 * release fence, carried on by the read-modify-writes of its release
 * sequence).  A load with more than one store to choose from is an explored
 * choice of its own step (weft__choose_here), the latest store first, so
 * the first schedule of a search is the sequentially consistent one.
 *
 * Eventual visibility: of a thread's loads of one location with no new
 * store to it in between, the first RUNS may read an older store, the
 * later ones read the latest.  A polling loop may miss a store a few
 * times, never for ever (C11 asks stores to become visible in a finite
 * time), so it ends.
 *
 * What stays stronger than C11: a seq_cst load reads the last seq_cst
 * store or a later one; every read-modify-write (a failed
 * compare-exchange too) reads the latest store; a plain write to an
 * atomic location (its initialisation) hides the stores before it from
 * everyone; a thread's third load in a row of a location nobody stored to
 * since sees the latest store. */
#include <string.h>

#include "detect/race.h"
#include "tsan/tsan.h"

#define HIST 8      /* stores kept per location */
#define RUNS 2      /* loads of one location that may read an older store
		       while no new store comes */
#define BUCKETS 256

typedef unsigned __int128 val_t;

/* A snapshot of a vector clock: n entries, zero beyond. */
struct wclk {
	int n;
	uint32_t c[];
};

struct wstore {
	val_t v;
	int tid;                  /* -1: the value before any tracked store,
				     visible to every thread */
	uint32_t clk;             /* the storer's epoch */
	const struct wclk *rel;   /* what an acquirer joins, or NULL */
	bool sc;                  /* a seq_cst store (or the first value) */
};

/* What thread tid knows of one location: the store (by its index in the
 * location's order) it last read or wrote, the location's store count at
 * its last load, and its loads since that count changed. */
struct wseen {
	uint64_t serial;
	long seen, at;
	int runs;
};

struct wloc {
	const volatile void *a;
	unsigned n;
	int len;                  /* stores kept, oldest first */
	long nst;                 /* stores so far: the next one's index */
	struct wstore h[HIST];
	struct wseen *per;
	int nper;
	struct wloc *next;
};

/* Per thread: the clock a later acquire fence joins (release clocks of
 * the stores its relaxed loads read), its clock at its last release
 * fence, and what seq_cst fences made visible to it. */
struct wthr {
	uint64_t serial;
	struct wclk *acq, *fv;
	const struct wclk *frel;
	const volatile void *rlx_load; /* a location it loaded relaxed */
	uintptr_t rlx_pc;
};

static struct {
	long gen;
	struct wloc *bucket[BUCKETS];
	struct wthr *thr[WEFT__MAX_THREADS];
	struct wclk *sc;          /* the join of every seq_cst fence so far */
} W;

static const char fence_obj;

/* weft__verdict_note's key of the load-buffering note. */
#define LB_NOTE 0x4c4f414442554600ull

/* ---- clocks --------------------------------------------------------------- */

static struct wclk *clk_new(int n)
{
	struct wclk *k = weft__exec_alloc(sizeof *k + sizeof(uint32_t) * (size_t)n);

	k->n = n;
	return k;
}

static struct wclk *clk_of_thread(int tid)
{
	int n = weft__nthreads();
	struct wclk *k = clk_new(n);

	memcpy(k->c, weft__vc(tid), sizeof(uint32_t) * (size_t)n);
	return k;
}

/* a joined with b, as a new snapshot (either may be NULL). */
static struct wclk *clk_join(const struct wclk *a, const struct wclk *b)
{
	int n = weft__nthreads();
	struct wclk *k;

	if (!a && !b)
		return NULL;
	k = clk_new(n);
	for (int i = 0; i < n; i++) {
		uint32_t x = a && i < a->n ? a->c[i] : 0;
		uint32_t y = b && i < b->n ? b->c[i] : 0;
		k->c[i] = x > y ? x : y;
	}
	return k;
}

static uint32_t clk_at(const struct wclk *k, int i)
{
	return k && i < k->n ? k->c[i] : 0;
}

/* ---- tables ----------------------------------------------------------------- */

static void fresh_execution(void)
{
	if (W.gen == weft__exec_gen())
		return;
	memset(&W, 0, sizeof W);
	W.gen = weft__exec_gen();
}

static struct wthr *thr(int tid)
{
	struct wthr *t = W.thr[tid];
	uint64_t serial = weft__thread_serial(tid);

	if (!t)
		t = W.thr[tid] = weft__exec_alloc(sizeof *t);
	if (t->serial != serial + 1)
		*t = (struct wthr){ .serial = serial + 1 };
	return t;
}

static struct wseen *seen(struct wloc *l, int tid)
{
	struct wseen *s;

	if (tid >= l->nper) {
		int n = l->nper ? l->nper : 4;
		while (n <= tid)
			n *= 2;
		s = weft__exec_alloc(sizeof *s * (size_t)n);
		if (l->nper)
			memcpy(s, l->per, sizeof *s * (size_t)l->nper);
		l->per = s;
		l->nper = n;
	}
	s = &l->per[tid];
	if (s->serial != weft__thread_serial(tid) + 1)
		*s = (struct wseen){ .serial = weft__thread_serial(tid) + 1,
				     .seen = -1, .at = -1 };
	return s;
}

static val_t mem_value(const volatile void *a, unsigned n)
{
	val_t v = 0;

	memcpy(&v, (const void *)a, n);
	return v;
}

/* What an acquirer of a value no atomic here stored joins: the release
 * clock a model's operation left on the location (the C++ runtime's
 * guard release, a kernel model's atomic_set), if any. */
static const struct wclk *model_release(const volatile void *a)
{
	const uint32_t *c;
	int n = weft__release_clock((const void *)a, &c);
	struct wclk *k;

	if (!n)
		return NULL;
	k = clk_new(n);
	memcpy(k->c, c, sizeof(uint32_t) * (size_t)n);
	return k;
}

/* The location's record, its history brought in line with memory: a
 * location seen for the first time, or written since by plain code (its
 * initialisation, a memset, a new object at a freed one's address) or by
 * a model, starts again from the value memory holds, visible to every
 * thread.  A load that finds it so acquires what the models released
 * there; a store does not look, since its own step has already released
 * there (clock.c), and reading the value from before it must not order
 * the reader after it. */
static struct wloc *loc_of(const volatile void *a, unsigned n, bool load)
{
	unsigned b = (unsigned)(((uintptr_t)a >> 3) * 0x9E3779B1u) % BUCKETS;
	struct wloc *l;
	val_t now = mem_value(a, n);

	fresh_execution();
	for (l = W.bucket[b]; l; l = l->next)
		if (l->a == a)
			break;
	if (!l) {
		l = weft__exec_alloc(sizeof *l);
		l->a = a;
		l->next = W.bucket[b];
		W.bucket[b] = l;
	}
	if (l->len && l->n == n && l->h[l->len - 1].v == now)
		return l;
	l->n = n;
	l->len = 1;
	l->h[0] = (struct wstore){ .v = now, .tid = -1, .sc = true,
				   .rel = load ? model_release(a) : NULL };
	/* Every thread's view of the location starts again. */
	for (int i = 0; i < l->nper; i++)
		l->per[i].seen = l->per[i].at = -1;
	l->nst++;
	return l;
}

static long index_of(const struct wloc *l, int i)
{
	return l->nst - l->len + i;
}

/* ---- loads ------------------------------------------------------------------ */

static bool acquires(int mo)
{
	return mo == 1 || mo == 2 || mo == 4 || mo == 5;
}

static bool releases(int mo)
{
	return mo == 3 || mo == 4 || mo == 5;
}

/* Does store e happen before thread tid's load, or did a seq_cst fence
 * make it visible to it? */
static bool visible(const struct wstore *e, int tid, const struct wthr *t)
{
	if (e->tid < 0 || e->tid == tid)
		return true;
	return e->clk <= weft__vc(tid)[e->tid] || e->clk <= clk_at(t->fv, e->tid);
}

/* The oldest store thread tid may read: the newest one visible to it, or
 * the one it saw last, whichever is newer; for a seq_cst load, not older
 * than the last seq_cst store either (they are in one total order, the
 * interleaving's). */
static int oldest_readable(const struct wloc *l, int tid, const struct wthr *t,
			   const struct wseen *s, bool sc)
{
	int lo = l->len - 1;

	while (lo > 0 && !visible(&l->h[lo], tid, t) && !(sc && l->h[lo].sc))
		lo--;
	while (lo < l->len - 1 && index_of(l, lo) < s->seen)
		lo++;
	return lo;
}

static void note_stale(const struct wloc *l, int i)
{
	const struct wstore *e = &l->h[i];

	weft__step_note(weft__internf(
		"sees %llu, not yet %llu", (unsigned long long)e->v,
		(unsigned long long)l->h[l->len - 1].v));
}

/* The thread read store i: coherence, and the clocks of its order. */
static void took(struct wloc *l, int i, int tid, int mo)
{
	struct wthr *t = thr(tid);
	struct wseen *s = seen(l, tid);
	const struct wstore *e = &l->h[i];

	if (index_of(l, i) > s->seen)
		s->seen = index_of(l, i);
	if (!e->rel)
		return;
	if (acquires(mo))
		weft__vc_acquire(tid, e->rel->c, e->rel->n);
	else
		t->acq = clk_join(t->acq, e->rel);
}

static const char *base_name(const char *f)
{
	const char *b = strrchr(f, '/');

	return b ? b + 1 : f;
}

/* A relaxed load followed in its thread by a relaxed store elsewhere: the
 * one reordering weak.c does not explore (load buffering: the load
 * reading a store that comes after it in the interleaving, or the store
 * becoming visible before the load).  Said once per test, on any verdict. */
static void load_buffering(struct wthr *t, const volatile void *a, int mo,
			   uintptr_t pc)
{
	const struct weft_loc *ld, *st;

	if (mo != 0 || !t->rlx_load || t->rlx_load == a)
		return;
	ld = weft__pc_loc(t->rlx_pc);
	st = weft__pc_loc(pc);
	weft__verdict_note(
		LB_NOTE,
		weft__internf("load buffering is not explored: a relaxed load "
			      "(%s:%d) comes before a relaxed store elsewhere "
			      "(%s:%d); a bug that needs the load to read a "
			      "store made after it is not found",
			      base_name(ld ? ld->file : "?"),
			      ld ? ld->line : 0,
			      base_name(st ? st->file : "?"),
			      st ? st->line : 0));
	t->rlx_load = NULL;
}

void weft__weak_load(const volatile void *a, void *v, unsigned n, int mo,
		     uintptr_t pc)
{
	int tid = weft__self();
	struct wloc *l = loc_of(a, n, true);
	struct wthr *t = thr(tid);
	struct wseen *s = seen(l, tid);
	int i = l->len - 1;

	if (s->at != l->nst) {
		s->at = l->nst;
		s->runs = 0;
	}
	if (s->runs++ < RUNS) {
		int lo = oldest_readable(l, tid, t, s, mo == 5);
		if (lo < l->len - 1)
			i -= weft__choose_here(l->len - lo);
	}
	took(l, i, tid, mo);
	if (mo == 0 && !t->rlx_load) {
		t->rlx_load = a;
		t->rlx_pc = pc;
	}
	if (i != l->len - 1) {
		note_stale(l, i);
		memcpy(v, &l->h[i].v, n);
	}
}

/* ---- stores ----------------------------------------------------------------- */

/* Append the store of v by thread tid; rel is its release clock. */
static void append(struct wloc *l, val_t v, int tid, const struct wclk *rel,
		   bool sc)
{
	if (l->len == HIST) {
		memmove(&l->h[0], &l->h[1], sizeof l->h[0] * (HIST - 1));
		l->len--;
	}
	l->h[l->len++] = (struct wstore){ .v = v, .tid = tid,
					  .clk = weft__vc(tid)[tid], .rel = rel,
					  .sc = sc };
	seen(l, tid)->seen = l->nst++;
}

void weft__weak_store(const volatile void *a, const void *v, unsigned n,
		      int mo, uintptr_t pc)
{
	int tid = weft__self();
	struct wloc *l = loc_of(a, n, false);
	struct wthr *t = thr(tid);
	const struct wstore *last = &l->h[l->len - 1];
	const struct wclk *rel;
	val_t nv = 0;

	memcpy(&nv, v, n);
	load_buffering(t, a, mo, pc);
	if (releases(mo))
		rel = clk_of_thread(tid);
	else if (t->frel)
		rel = t->frel;
	else
		/* C11's release sequence: later stores of the releasing
		 * thread carry its release on. */
		rel = last->tid == tid ? last->rel : NULL;
	append(l, nv, tid, rel, mo == 5);
}

/* A read-modify-write reads the latest store and writes the next: its
 * release clock continues the sequence of the store it read. */
void weft__weak_rmw(const volatile void *a, const void *nv, unsigned n,
		    int mo, bool wrote, uintptr_t pc)
{
	int tid = weft__self();
	struct wloc *l = loc_of(a, n, false);
	struct wthr *t = thr(tid);
	const struct wclk *prev = l->h[l->len - 1].rel, *own = NULL;
	val_t v = 0;

	took(l, l->len - 1, tid, mo);
	if (!wrote)
		return;
	load_buffering(t, a, mo, pc);
	memcpy(&v, nv, n);
	if (releases(mo))
		own = clk_of_thread(tid);
	else if (t->frel)
		own = t->frel;
	append(l, v, tid, own ? clk_join(prev, own) : prev, mo == 5);
}

/* ---- fences ----------------------------------------------------------------- */

void weft__weak_fence(int mo, uintptr_t pc)
{
	int tid = weft__self();
	struct wthr *t;

	if (mo == 5) {
		/* seq_cst fences are ordered among themselves: a step on one
		 * object, so the explorer tries their orders. */
		struct weft__op op = { .name = "atomic_fence", .obj = &fence_obj,
				       .objname = "seq_cst fences",
				       .access = WEFT__ACC_WRITE,
				       .order = WEFT__ORDER_EXPLICIT,
				       .loc = weft__pc_loc(pc) };
		weft__visible(&op);
	}
	fresh_execution();
	t = thr(tid);
	if (acquires(mo) && t->acq)
		weft__vc_acquire(tid, t->acq->c, t->acq->n);
	if (releases(mo)) {
		/* A seq_cst fence's step began a new epoch already. */
		if (mo != 5)
			weft__vc_tick(tid);
		t->frel = clk_of_thread(tid);
	}
	if (mo == 5) {
		t->fv = clk_join(t->fv, W.sc);
		W.sc = clk_join(W.sc, clk_join(clk_of_thread(tid), t->fv));
	}
}
