/* src/tsan/weak_table.c - the per-execution tables of the memory model of
 * atomics (weak.c): the locations' store histories, what each thread saw
 * of each, the threads' fence clocks, and the clock snapshots they hold.
 * Everything lives in the execution's arena and is dropped with it: the
 * first call in a new execution (weft__exec_gen) starts empty tables. */
#include <string.h>

#include "record.h"
#include "tsan/weak.h"

#define BUCKETS 256

static struct {
	long gen;
	struct weft__wk_loc *bucket[BUCKETS];
	struct weft__wk_thr *thr[WEFT__MAX_THREADS];
	struct weft__wk_clk *sc;  /* the join of every seq_cst fence so far */
	const struct weft__wk_clk *scf; /* and of their S-knowledge */
	bool weak_rf;             /* a read of another thread's store that
				     was not a seq_cst one by a seq_cst read */
	long seq;                 /* seq_cst stores and fences so far */
	/* The buckets and thread entries the execution filled, the only
	 * ones a new execution clears: a memset of the whole table was a
	 * twentieth of an exhaustive search of a kernel seed. */
	uint16_t used[BUCKETS];
	int nused;
	int thr_hi;               /* entries below it may be set */
} W;

static void fresh_execution(void)
{
	if (W.gen == weft__exec_gen())
		return;
	for (int i = 0; i < W.nused; i++)
		W.bucket[W.used[i]] = NULL;
	memset(W.thr, 0, sizeof W.thr[0] * (size_t)W.thr_hi);
	W.nused = W.thr_hi = 0;
	W.sc = NULL;
	W.scf = NULL;
	W.weak_rf = false;
	W.seq = 0;
	W.gen = weft__exec_gen();
}

/* ---- clocks ------------------------------------------------------------------- */

static struct weft__wk_clk *clk_new(int n)
{
	struct weft__wk_clk *k =
		weft__exec_alloc(sizeof *k + sizeof(uint32_t) * (size_t)n);

	k->n = n;
	return k;
}

struct weft__wk_clk *weft__wk_clk_of(int tid)
{
	int n = weft__nthreads();
	struct weft__wk_clk *k = clk_new(n);

	memcpy(k->c, weft__vc(tid), sizeof(uint32_t) * (size_t)n);
	return k;
}

struct weft__wk_clk *weft__wk_clk_join(const struct weft__wk_clk *a,
				       const struct weft__wk_clk *b)
{
	int n = weft__nthreads();
	struct weft__wk_clk *k;

	if (!a && !b)
		return NULL;
	k = clk_new(n);
	for (int i = 0; i < n; i++) {
		uint32_t x = weft__wk_clk_at(a, i), y = weft__wk_clk_at(b, i);
		k->c[i] = x > y ? x : y;
	}
	return k;
}

struct weft__wk_clk *weft__wk_clk_with(const struct weft__wk_clk *k, int i,
				       uint32_t v)
{
	int n = weft__nthreads();
	struct weft__wk_clk *c = clk_new(n > i ? n : i + 1);

	for (int j = 0; j < c->n; j++)
		c->c[j] = weft__wk_clk_at(k, j);
	if (c->c[i] < v)
		c->c[i] = v;
	return c;
}



void weft__wk_sc_order(struct weft__wk_thr *t, int tid,
		       struct weft__wk_loc *l, const struct weft__wk_clk *from,
		       long seq)
{
	const struct weft__wk_clk *k = weft__wk_clk_join(t->sck, from);

	if (seq > 0)
		k = weft__wk_clk_with(k, tid, (uint32_t)seq);
	t->sck = k;
	if (l)
		l->scall = weft__wk_clk_join(l->scall, k);
}

bool *weft__wk_weak_rf(void)
{
	fresh_execution();
	return &W.weak_rf;
}

const struct weft__wk_clk **weft__wk_sc_fences(void)
{
	fresh_execution();
	return &W.scf;
}

const struct weft__wk_clk *weft__wk_sc_view(void)
{
	fresh_execution();
	return W.sc;
}

void weft__wk_sc_add(const struct weft__wk_clk *k)
{
	fresh_execution();
	W.sc = weft__wk_clk_join(W.sc, k);
}

/* In the trace, which a verdict reads after its execution ended
 * (explore/asm_verdict.c). */
long *weft__wk_stale_reads(void)
{
	return &weft__S->t.stale_reads;
}

long weft__wk_next_seq(void)
{
	fresh_execution();
	return ++W.seq;
}

/* ---- threads -------------------------------------------------------------------- */

/* Records are reused by later threads of the execution: a record written
 * under another thread's serial is stale. */
struct weft__wk_thr *weft__wk_thr(int tid)
{
	struct weft__wk_thr *t;
	uint64_t serial = weft__thread_serial(tid) + 1;

	fresh_execution();
	t = W.thr[tid];
	if (!t) {
		t = W.thr[tid] = weft__exec_alloc(sizeof *t);
		if (tid >= W.thr_hi)
			W.thr_hi = tid + 1;
	}
	if (t->serial != serial)
		*t = (struct weft__wk_thr){ .serial = serial };
	return t;
}

struct weft__wk_seen *weft__wk_seen(struct weft__wk_loc *l, int tid)
{
	uint64_t serial = weft__thread_serial(tid) + 1;
	struct weft__wk_seen *s;

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
	if (s->serial != serial)
		*s = (struct weft__wk_seen){ .serial = serial, .seen = -1,
					     .at = -1 };
	return s;
}

void weft__wk_saw(struct weft__wk_loc *l, int tid, long idx)
{
	struct weft__wk_seen *s = weft__wk_seen(l, tid);
	uint32_t clk = weft__vc(tid)[tid];

	if (idx <= s->seen)
		return;
	s->seen = idx;
	/* Epochs only grow: a second observation in the same epoch replaces
	 * the first. */
	if (s->nobs && s->obs[s->nobs - 1].clk == clk) {
		s->obs[s->nobs - 1].idx = idx;
		return;
	}
	if (s->nobs == s->capobs) {
		int cap = s->capobs ? s->capobs * 2 : 4;
		struct weft__wk_obs *o = weft__exec_alloc(sizeof *o * (size_t)cap);
		if (s->nobs)
			memcpy(o, s->obs, sizeof *o * (size_t)s->nobs);
		s->obs = o;
		s->capobs = cap;
	}
	s->obs[s->nobs++] = (struct weft__wk_obs){ .clk = clk, .idx = idx };
}

/* The observations' epochs grow along the array: a binary search (a
 * thread that polls a location notes thousands in an execution). */
long weft__wk_seen_by(const struct weft__wk_seen *s, uint32_t clk)
{
	int lo = 0, hi = s->nobs;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (s->obs[mid].clk <= clk)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? s->obs[lo - 1].idx : -1;
}

/* ---- locations ------------------------------------------------------------------ */

static weft__wk_val mem_value(const volatile void *a, unsigned n)
{
	weft__wk_val v = 0;

	memcpy(&v, (const void *)a, n);
	return v;
}

/* What an acquirer of a value no atomic here stored joins: the release
 * clock a model's operation left on the location (the C++ runtime's guard
 * release, a kernel model's atomic_set), if any.  The atomics' own steps
 * leave none there (tsan/atomic.c). */
static const struct weft__wk_clk *model_release(const volatile void *a)
{
	const uint32_t *c;
	int n = weft__release_clock((const void *)a, &c);
	struct weft__wk_clk *k;

	if (!n)
		return NULL;
	k = clk_new(n);
	memcpy(k->c, c, sizeof(uint32_t) * (size_t)n);
	return k;
}

bool weft__weak_in_use(void)
{
	return W.gen == weft__exec_gen() && W.nused > 0;
}

struct weft__wk_loc *weft__wk_loc(const volatile void *a, unsigned n)
{
	unsigned b = (unsigned)(((uintptr_t)a >> 3) * 0x9E3779B1u) % BUCKETS;
	weft__wk_val now = mem_value(a, n);
	struct weft__wk_loc *l;

	fresh_execution();
	for (l = W.bucket[b]; l; l = l->next)
		if (l->a == a)
			break;
	if (!l) {
		l = weft__exec_alloc(sizeof *l);
		l->a = a;
		l->next = W.bucket[b];
		if (!l->next)
			W.used[W.nused++] = (uint16_t)b;
		W.bucket[b] = l;
	}
	if (l->len && l->n == n && l->h[l->len - 1].v == now)
		return l;
	l->n = n;
	l->len = 1;
	l->h[0] = (struct weft__wk_store){ .v = now, .tid = -1, .sc = true,
					   .rel = model_release(a) };
	/* Every thread's view of the location starts again. */
	for (int i = 0; i < l->nper; i++) {
		l->per[i].seen = l->per[i].at = -1;
		l->per[i].nobs = 0;
	}
	l->base = l->nst++;
	return l;
}
