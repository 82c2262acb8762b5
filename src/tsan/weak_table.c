/* src/tsan/weak_table.c - the per-execution tables of the memory model of
 * atomics (weak.c): the locations' store histories, what each thread saw
 * of each, the threads' fence clocks, and the clock snapshots they hold.
 * Everything lives in the execution's arena and is dropped with it: the
 * first call in a new execution (weft__exec_gen) starts empty tables. */
#include <string.h>

#include "record.h"
#include "tsan/weak.h"

#define BUCKETS 256
/* weft__verdict_note's key of the mixed-size note. */
#define MIXED_NOTE 0x4d49584544000000ull

static struct {
	long gen;
	struct weft__wk_loc *bucket[BUCKETS];
	struct weft__wk_thr *thr[WEFT__MAX_THREADS];
	struct weft__wk_clk *sc;  /* the join of every seq_cst fence so far */
	const struct weft__wk_clk *scf; /* and of their S-knowledge */
	bool weak_rf;             /* a read of another thread's store that
				     was not a seq_cst one by a seq_cst read */
	long seq;                 /* seq_cst stores and fences so far */
	bool overlap;             /* two records' bytes overlapped */
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
	W.overlap = false;
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

static unsigned bucket_of(uintptr_t a)
{
	return (unsigned)((a >> 3) * 0x9E3779B1u) % BUCKETS;
}

/* The records at other start addresses whose bytes (as wide as their
 * widest access) overlap [a, a+n), up to max of them: a record is at most
 * 16 bytes wide, so they start within 15 bytes before a.  Scanned only
 * once some records overlapped (W.overlap), or to find out. */
int weft__wk_overlaps(const volatile void *a, unsigned n,
		      struct weft__wk_loc **out, int max)
{
	uintptr_t lo = (uintptr_t)a, hi = lo + n;
	uintptr_t first = lo >= 15 ? (lo - 15) >> 3 : 0;
	int k = 0;

	fresh_execution();
	for (uintptr_t w = first; w <= (hi - 1) >> 3; w++) {
		/* Words that share a bucket with an earlier one were seen. */
		bool again = false;
		for (uintptr_t x = first; x < w; x++)
			again |= bucket_of(x << 3) == bucket_of(w << 3);
		if (again)
			continue;
		for (struct weft__wk_loc *l = W.bucket[bucket_of(w << 3)]; l;
		     l = l->next) {
			uintptr_t b = (uintptr_t)l->a;
			if (b == lo || !l->len || b >= hi || b + l->n <= lo)
				continue;
			if (k < max)
				out[k] = l;
			k++;
		}
	}
	if (k)
		W.overlap = true;
	return k < max ? k : max;
}

bool weft__wk_overlapped(void)
{
	fresh_execution();
	return W.overlap;
}

/* The bytes [off, off+n) of v. */
static weft__wk_val val_bytes(weft__wk_val v, unsigned off, unsigned n)
{
	v >>= 8 * off;
	return n >= 16 ? v : v & (((weft__wk_val)1 << (8 * n)) - 1);
}

weft__wk_val weft__wk_val_put(weft__wk_val v, unsigned off, weft__wk_val x,
			      unsigned n)
{
	weft__wk_val m = n >= 16 ? ~(weft__wk_val)0
				 : ((weft__wk_val)1 << (8 * n)) - 1;

	return (v & ~(m << (8 * off))) | (x & m) << (8 * off);
}

weft__wk_val weft__wk_spread_value(const struct weft__wk_loc *o,
				   const volatile void *a, unsigned n,
				   weft__wk_val v)
{
	uintptr_t b = (uintptr_t)o->a, lo = (uintptr_t)a;
	uintptr_t from = lo > b ? lo : b;
	uintptr_t to = lo + n < b + o->n ? lo + n : b + o->n;

	return weft__wk_val_put(o->h[o->len - 1].v, (unsigned)(from - b),
				val_bytes(v, (unsigned)(from - lo),
					  (unsigned)(to - from)),
				(unsigned)(to - from));
}

/* A mixed-size access that weft answers with the latest store only, where
 * an older one was readable: said once per test, on the verdict line. */
static void mixed_cut(const volatile void *a)
{
	if (weft__verdict_noted(MIXED_NOTE))
		return;
	weft__verdict_unexplored(
		WEFT__UNEXPLORED(MIXED), MIXED_NOTE,
		weft__internf("an atomic location (%s) accessed at sizes and "
			      "offsets that only partly overlap reads the "
			      "latest store of the bytes another access wrote: "
			      "a bug that needs an older one is not found",
			      weft__objname((const void *)a, "atomic")));
}

/* A record seen for the first time takes the history of a record that
 * covers its bytes, each store cut to them, with what each thread saw of
 * it (a 32-bit load of one half of a 64-bit atomic reads any store of the
 * whole the 64-bit load could, and synchronises with its release: it once
 * started again from memory, and a relaxed message passing through a
 * union was verified, and a release publication through it a data
 * race).  Returns whether one did. */
static bool adopt(struct weft__wk_loc *l, unsigned n, weft__wk_val now)
{
	struct weft__wk_loc *o[4], *c = NULL;
	int k = weft__wk_overlaps(l->a, n, o, 4);
	uintptr_t a = (uintptr_t)l->a;
	unsigned off;

	for (int i = 0; i < k && !c; i++) {
		uintptr_t b = (uintptr_t)o[i]->a;
		if (b <= a && a + n <= b + o[i]->n &&
		    mem_value(o[i]->a, o[i]->n) == o[i]->h[o[i]->len - 1].v)
			c = o[i];
	}
	if (!c)
		return false;
	off = (unsigned)(a - (uintptr_t)c->a);
	if (val_bytes(c->h[c->len - 1].v, off, n) != now)
		return false;
	l->len = c->len;
	l->nst = c->nst;
	l->base = c->base;
	l->scall = c->scall;
	for (int i = 0; i < c->len; i++) {
		l->h[i] = c->h[i];
		l->h[i].v = val_bytes(c->h[i].v, off, n);
	}
	for (int u = c->nper - 1; u >= 0; u--) {
		const struct weft__wk_seen *s = &c->per[u];
		struct weft__wk_seen *d = weft__wk_seen(l, u);
		*d = *s;
		d->obs = weft__exec_alloc(sizeof *d->obs *
					  (size_t)(s->capobs + 1));
		if (s->nobs)
			memcpy(d->obs, s->obs, sizeof *d->obs * (size_t)s->nobs);
	}
	return true;
}

/* A record that starts again from memory where other records' bytes
 * overlap its own: its first value is the latest of theirs, and an
 * acquirer of it joins every one's release (a 32-bit acquire load of the
 * upper half of a 64-bit release store synchronises with it, as on every
 * machine and under ThreadSanitizer, one sync object per address).
 * Their older stores are not readable through it: said. */
static void overlap_release(struct weft__wk_loc *l, unsigned n)
{
	struct weft__wk_loc *o[4];
	int k = weft__wk_overlaps(l->a, n, o, 4);

	for (int i = 0; i < k; i++) {
		l->h[0].rel = weft__wk_clk_join(l->h[0].rel,
						o[i]->h[o[i]->len - 1].rel);
		if (o[i]->len > 1)
			mixed_cut(l->a);
	}
}

/* A wider access than the record's: every store takes the bytes beyond
 * from memory (those of another record's stores read the latest one:
 * said when it had older ones).  A narrower one reads the low bytes of
 * the record's values (weak.c copies n bytes), and a narrower store
 * keeps the others (weft__wk_val_put). */
static void widen(struct weft__wk_loc *l, unsigned n)
{
	struct weft__wk_loc *o[4];
	int k = weft__wk_overlaps(l->a, n, o, 4);
	weft__wk_val up = mem_value(l->a, n);

	for (int i = 0; i < k; i++)
		if (o[i]->len > 1)
			mixed_cut(l->a);
	for (int i = 0; i < l->len; i++)
		l->h[i].v = weft__wk_val_put(up, 0, l->h[i].v, l->n);
	l->n = n;
}

struct weft__wk_loc *weft__wk_loc(const volatile void *a, unsigned n)
{
	unsigned b = bucket_of((uintptr_t)a);
	weft__wk_val now;
	struct weft__wk_loc *l;
	bool fresh = false;

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
		fresh = true;
	}
	if (l->len && n > l->n && mem_value(a, l->n) == l->h[l->len - 1].v)
		widen(l, n);
	if (l->n > n)
		n = l->n;
	now = mem_value(a, n);
	if (l->len && l->h[l->len - 1].v == now)
		return l;
	l->n = n;
	if (fresh && adopt(l, n, now))
		return l;
	l->len = 1;
	l->h[0] = (struct weft__wk_store){ .v = now, .tid = -1, .sc = true,
					   .rel = model_release(a) };
	if (fresh || W.overlap)
		overlap_release(l, n);
	/* Every thread's view of the location starts again. */
	for (int i = 0; i < l->nper; i++) {
		l->per[i].seen = l->per[i].at = -1;
		l->per[i].nobs = 0;
	}
	l->base = l->nst++;
	return l;
}
