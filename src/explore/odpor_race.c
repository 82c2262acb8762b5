/* src/explore/odpor_race.c - happens-before and the races of a finished
 * execution, and the sequences that reverse them.
 *
 * One pass over the steps computes each step's vector clock from the
 * dependence relation (program order; for every object, a write after
 * every earlier access, a read after the last write; the end of the
 * process after everything).  Before a step is added, the per-object
 * records hold its immediate dependent predecessors, so its races are found
 * in the same pass: a predecessor e of another thread races with the step
 * e' when no other predecessor of e', nor e'’s own previous step, already
 * happens after e (then the race would be the later one's).
 *
 * Blocking acquisitions (a lock, a semaphore wait) also race with the
 * previous acquisitions of the same object (the last exclusive one, and
 * for an exclusive one the shared ones since) even though a release lies
 * in between: reversing a lock against the unlock that enabled it is never
 * possible, but reversing the two critical sections is, and it is needed
 * (a lock-order deadlock is only reached that way).  A race whose reversed
 * order cannot run (the blocked thread was disabled before e and nothing
 * else could enable it) is skipped.
 *
 * Threads still live when the execution ends contribute their next step:
 * an enabled thread cut off by the end of the process races with the step
 * that ended it; a blocked thread races with whatever blocked it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odpor.h"

static void *grow(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		weft__die("out of memory in the DPOR race analysis");
	return q;
}

struct rec {
	const void *obj;
	int32_t next;             /* hash chain */
	int32_t lastw;            /* step index, -1 none */
	weft__tset rmask;         /* threads with a read since lastw */
	int32_t *rstep;           /* per thread: its last such read */
	/* The same history for the acquisitions alone. */
	int32_t acqw;
	weft__tset acqrmask;
	int32_t *acqrstep;
};

static const struct odpor_view *V;
static int nth;
static uint32_t *clk;             /* clk[i * nth + t] */
static uint32_t *tclk;            /* per thread, current */
static int32_t *last_of;          /* per thread: its last step */
static struct rec *recs;
static int32_t nrecs, caprecs;
static int32_t *rsteps;           /* storage for rec.rstep */
static int32_t *buckets;
#define NBUCKETS 4096
static struct ev *vbuf;
static long vcap;
static long inserted;

/* Races found by the pass, reversed once every clock is known (the
 * reversal needs the clocks of the steps after both). */
struct race {
	int32_t e, j;   /* j == n: thread q's next step at the end */
	int16_t q;
};
static struct race *races;
static long nraces, capraces;

static void note_race(long e, long j, int q)
{
	if (nraces == capraces) {
		capraces = capraces ? capraces * 2 : 256;
		races = grow(races, sizeof *races * (size_t)capraces);
	}
	races[nraces++] = (struct race){ (int32_t)e, (int32_t)j, (int16_t)q };
}

static unsigned hash(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;

	x ^= x >> 29;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 32;
	return (unsigned)x & (NBUCKETS - 1);
}

static struct rec *rec_of(const void *obj, bool create)
{
	unsigned h = hash(obj);

	for (int32_t r = buckets[h]; r >= 0; r = recs[r].next)
		if (recs[r].obj == obj)
			return &recs[r];
	if (!create)
		return NULL;
	if (nrecs == caprecs) {
		caprecs = caprecs ? caprecs * 2 : 256;
		recs = grow(recs, sizeof *recs * (size_t)caprecs);
		rsteps = grow(rsteps, sizeof *rsteps * (size_t)caprecs * 2 *
					      (size_t)nth);
		for (int32_t i = 0; i < nrecs; i++) {
			recs[i].rstep = rsteps + (size_t)i * 2 * (size_t)nth;
			recs[i].acqrstep = recs[i].rstep + nth;
		}
	}
	recs[nrecs] = (struct rec){ .obj = obj, .next = buckets[h],
				    .lastw = -1, .acqw = -1,
				    .rstep = rsteps + (size_t)nrecs * 2 * (size_t)nth,
				    .acqrstep = rsteps + ((size_t)nrecs * 2 + 1) *
								 (size_t)nth };
	buckets[h] = nrecs;
	return &recs[nrecs++];
}

static inline uint32_t *C(long i)
{
	return clk + (size_t)i * (size_t)nth;
}

/* e happens before (or is) the event whose clock is c. */
static inline bool hb(long e, const uint32_t *c)
{
	int t = V->steps[e].ev.tid;

	return c[t] >= C(e)[t];
}

/* The objects a step touches, with whether it writes them. */
struct touch {
	const void *obj;
	bool write;
};

static int touches(const struct ev *e, struct touch *t)
{
	int n = 0;

	if (e->access == WEFT__ACC_NONE || !e->obj)
		return 0;
	t[n++] = (struct touch){ e->obj, e->access == WEFT__ACC_WRITE };
	if (e->obj2)
		t[n++] = (struct touch){ e->obj2,
					 e->access == WEFT__ACC_WRITE };
	if (e->blk)
		t[n++] = (struct touch){ e->blk, false };
	return n;
}

/* ---- immediate predecessors -------------------------------------------- */

/* At most three objects touched, each with its last write and one read
 * per thread. */
#define MAXPRED (3 * (WEFT__MAX_THREADS + 1))
struct preds {
	int32_t s[MAXPRED];
	int n;
	int32_t acq[WEFT__MAX_THREADS + 1]; /* earlier acquisitions a
					       blocking step races with */
	int nacq;
};

static void add_pred(struct preds *p, int32_t s)
{
	for (int i = 0; i < p->n; i++)
		if (p->s[i] == s)
			return;
	if (p->n == MAXPRED)
		weft__die("more immediate predecessors than %d", MAXPRED);
	p->s[p->n++] = s;
}

/* The dependent steps the next step e of thread t comes right after. */
static void preds_of(const struct ev *e, int t, struct preds *p)
{
	struct touch tv[3];
	int nt = touches(e, tv);

	p->n = 0;
	p->nacq = 0;
	if (e->flags & EV_ENDS) {
		for (int u = 0; u < nth; u++)
			if (u != t && last_of[u] >= 0)
				add_pred(p, last_of[u]);
		return;
	}
	for (int k = 0; k < nt; k++) {
		struct rec *r = rec_of(tv[k].obj, false);
		if (!r)
			continue;
		if (r->lastw >= 0)
			add_pred(p, r->lastw);
		if (tv[k].write)
			WEFT__TS_EACH(u, &r->rmask)
				add_pred(p, r->rstep[u]);
	}
	if ((e->flags & EV_ACQUIRE) && (e->flags & EV_BLOCKING)) {
		struct rec *r = rec_of(e->obj, false);
		if (r && r->acqw >= 0)
			p->acq[p->nacq++] = r->acqw;
		if (r && e->access == WEFT__ACC_WRITE)
			WEFT__TS_EACH(u, &r->acqrmask)
				p->acq[p->nacq++] = r->acqrstep[u];
	}
}

/* ---- reversing one race ---------------------------------------------------- */

static bool share_object(const struct ev *a, const struct ev *b)
{
	struct touch ta[3], tb[3];
	int na = touches(a, ta), nb = touches(b, tb);

	for (int i = 0; i < na; i++)
		for (int j = 0; j < nb; j++)
			if (ta[i].obj == tb[j].obj)
				return true;
	return false;
}

/* The reversed order cannot run: e' was blocked right before e, its
 * thread took no step in between, and no step that stays before e' in the
 * reversed order touches its objects, so it is still blocked there. */
static bool infeasible(long e, long j, const struct ev *ep, int32_t prev)
{
	int t = ep->tid;

	if (!(ep->flags & EV_BLOCKING) || prev > e ||
	    weft__ts_has(&V->steps[e].enabled, t))
		return false;
	for (long k = e + 1; k < j; k++)
		if (!hb(e, C(k)) && share_object(&V->steps[k].ev, ep))
			return false;
	return true;
}

/* WEFT_ODPOR_DEBUG=1 prints every race and what became of it. */
static int debug = -1;

/* A thread asleep (or explored) at the decision before e that is a weak
 * initial of v: the reversal was explored from there already. */
static bool redundant(long e, const struct ev *v, long n)
{
	struct sleepset s = V->sleep_at(e);

	for (int i = 0; i < s.n; i++) {
		const struct ev *q = &s.e[i];
		long k;
		bool initial = true;
		for (k = 0; k < n && v[k].tid != q->tid; k++)
			if (weft__ev_dependent(&v[k], q)) {
				initial = false;
				break;
			}
		if (!initial)
			continue;
		if (k == n && (q->flags & EV_INHERITED))
			continue;
		if (k == n)
			return true;
		if (!weft__ev_same(&v[k], q))
			continue;
		if (debug > 0)
			fprintf(stderr, "    asleep: thread %d (access %d obj %p) at %ld\n",
				q->tid, q->access, q->obj, e);
		return true;
	}
	return false;
}


static void debug_race(long e, long j, const struct ev *v, long n,
		       const char *what)
{
	if (debug < 0)
		debug = getenv("WEFT_ODPOR_DEBUG") != NULL;
	if (!debug)
		return;
	fprintf(stderr, "  race %ld(t%d) < %ld(t%d): %s [", e,
		V->steps[e].ev.tid, j, v[n - 1].tid, what);
	for (long k = 0; k < n; k++)
		fprintf(stderr, " %d%s", v[k].tid,
			v[k].access == WEFT__ACC_WRITE  ? "w"
			: v[k].access == WEFT__ACC_READ ? "r"
							: "");
	fprintf(stderr, " ]\n");
}

static void reverse(long e, long j, const struct ev *ep)
{
	long n = 0;

	/* The split prefix tries every order already (odpor_split.c). */
	if (e < V->fixed)
		return;
	if (V->n + 1 > vcap) {
		vcap = V->n + 64;
		vbuf = grow(vbuf, sizeof *vbuf * (size_t)vcap);
	}
	for (long k = e + 1; k < V->n; k++)
		if (k != j && !hb(e, C(k)))
			vbuf[n++] = V->steps[k].ev;
	vbuf[n++] = *ep;
	if (redundant(e, vbuf, n)) {
		debug_race(e, j, vbuf, n, "asleep");
		return;
	}
	debug_race(e, j, vbuf, n, "insert");
	if (weft__wut_insert(V->node_at(e), vbuf, (int)n))
		inserted++;
	else
		debug_race(e, j, vbuf, n, "covered");
}

/* The races of step e' (index j, or j == n for a thread's next step at the
 * end) given its predecessors; cpo is its thread's clock before it. */
static void races_of(long j, const struct ev *ep, const uint32_t *cpo,
		     const struct preds *p, int32_t prev)
{
	int t = ep->tid;

	for (int a = 0; a < p->n; a++) {
		long e = p->s[a];
		int te = V->steps[e].ev.tid;
		bool direct = te != t && cpo[te] < C(e)[te];
		/* What a release enables could not run before it. */
		if ((V->steps[e].ev.flags & EV_RELEASE) &&
		    (ep->flags & EV_BLOCKING))
			continue;
		for (int b = 0; direct && b < p->n; b++)
			if (b != a && hb(e, C(p->s[b])))
				direct = false;
		if (!direct)
			continue;
		/* A step inside another thread's atomic section can only be
		 * preceded as a whole section. */
		if (V->steps[e].section >= 0)
			e = V->steps[e].section;
		if (!infeasible(e, j, ep, prev))
			note_race(e, j, t);
	}
	for (int a = 0; a < p->nacq; a++) {
		long e = p->acq[a];
		int te = V->steps[e].ev.tid;
		bool listed = false;
		for (int a = 0; a < p->n; a++)
			listed |= p->s[a] == e;
		if (!listed && te != t && cpo[te] < C(e)[te] &&
		    !infeasible(e, j, ep, prev))
			note_race(V->steps[e].section >= 0 ? V->steps[e].section
							   : e,
				  j, t);
	}
}

/* ---- the pass ------------------------------------------------------------- */

/* A thread's first step comes after the step that created it. */
static void first_step(int t)
{
	if (last_of[t] < 0 && V->parent[t] >= 0 && V->parent[t] < V->n)
		memcpy(tclk + (size_t)t * (size_t)nth, C(V->parent[t]),
		       sizeof *tclk * (size_t)nth);
}

static void add_step(long i)
{
	const struct ev *e = &V->steps[i].ev;
	int t = e->tid;
	uint32_t *c = C(i);
	struct touch tv[3];
	int nt = touches(e, tv);

	memcpy(c, tclk + (size_t)t * (size_t)nth, sizeof *c * (size_t)nth);
	if (e->flags & EV_ENDS) {
		for (int u = 0; u < nth; u++)
			for (int k = 0; k < nth; k++)
				if (tclk[(size_t)u * (size_t)nth + (size_t)k] > c[k])
					c[k] = tclk[(size_t)u * (size_t)nth + (size_t)k];
	}
	for (int k = 0; k < nt; k++) {
		struct rec *r = rec_of(tv[k].obj, true);
		if (r->lastw >= 0)
			for (int u = 0; u < nth; u++)
				if (C(r->lastw)[u] > c[u])
					c[u] = C(r->lastw)[u];
		if (tv[k].write)
			WEFT__TS_EACH(q, &r->rmask) {
				const uint32_t *rc = C(r->rstep[q]);
				for (int u = 0; u < nth; u++)
					if (rc[u] > c[u])
						c[u] = rc[u];
			}
	}
	c[t]++;
	memcpy(tclk + (size_t)t * (size_t)nth, c, sizeof *c * (size_t)nth);
	for (int k = 0; k < nt; k++) {
		struct rec *r = rec_of(tv[k].obj, true);
		if (tv[k].write) {
			r->lastw = (int32_t)i;
			r->rmask = weft__ts_none();
		} else {
			weft__ts_add(&r->rmask, t);
			r->rstep[t] = (int32_t)i;
		}
		if (k != 0 || !(e->flags & EV_ACQUIRE))
			continue;
		if (tv[k].write) {
			r->acqw = (int32_t)i;
			r->acqrmask = weft__ts_none();
		} else {
			weft__ts_add(&r->acqrmask, t);
			r->acqrstep[t] = (int32_t)i;
		}
	}
	last_of[t] = (int32_t)i;
}

static void setup(const struct odpor_view *v)
{
	static long capclk;
	static int capth;

	V = v;
	nth = v->nthreads;
	if ((long)v->n * nth + nth > capclk) {
		capclk = ((long)v->n + 64) * nth * 2;
		clk = grow(clk, sizeof *clk * (size_t)capclk);
	}
	if (nth > capth) {
		capth = nth;
		tclk = grow(tclk, sizeof *tclk * (size_t)capth * (size_t)capth);
		last_of = grow(last_of, sizeof *last_of * (size_t)capth);
		/* Record storage depends on the thread count. */
		free(recs);
		free(rsteps);
		recs = NULL;
		rsteps = NULL;
		caprecs = 0;
	}
	memset(tclk, 0, sizeof *tclk * (size_t)nth * (size_t)nth);
	for (int t = 0; t < nth; t++)
		last_of[t] = -1;
	if (!buckets)
		buckets = grow(NULL, sizeof *buckets * NBUCKETS);
	memset(buckets, 0xff, sizeof *buckets * NBUCKETS);
	nrecs = 0;
	inserted = 0;
	nraces = 0;
}

long weft__odpor_races(const struct odpor_view *v)
{
	struct preds p;

	setup(v);
	if (debug < 0)
		debug = getenv("WEFT_ODPOR_DEBUG") != NULL;
	for (long i = 0; i < v->n; i++) {
		const struct ev *e = &v->steps[i].ev;
		first_step(e->tid);
		if (i >= v->first_new) {
			int t = e->tid;
			preds_of(e, t, &p);
			races_of(i, e, tclk + (size_t)t * (size_t)nth, &p,
				 last_of[t]);
		}
		add_step(i);
	}
	for (int q = 0; q < nth; q++) {
		const struct ev *e = &v->pending[q];
		if (!weft__ts_has(&v->live, q))
			continue;
		first_step(q);
		if (weft__ts_has(&v->enabled_end, q)) {
			if (v->ended_process && v->n > 0 &&
			    v->steps[v->n - 1].ev.tid != q)
				note_race(v->n - 1, v->n, q);
			continue;
		}
		preds_of(e, q, &p);
		races_of(v->n, e, tclk + (size_t)q * (size_t)nth, &p,
			 last_of[q]);
	}
	for (long k = 0; k < nraces; k++) {
		const struct race *r = &races[k];
		reverse(r->e, r->j,
			r->j < v->n ? &v->steps[r->j].ev : &v->pending[r->q]);
	}
	return inserted;
}
