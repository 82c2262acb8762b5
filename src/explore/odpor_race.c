/* src/explore/odpor_race.c - happens-before and the races of a finished
 * execution: the pass over its steps that finds them (odpor_reverse.c
 * inserts the sequences that reverse them).
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
 * that ended it; a blocked thread races with whatever blocked it (its
 * immediate predecessors, and the step that disabled it: see
 * weft__odpor_disabler_race). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WEFT__ODPOR_RACE_OWN /* its short names, odpor.h */
#include "odpor.h"

void *weft__odpor_race_grow(void *p, size_t n)
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

const struct odpor_view *weft__odpor_race_view;
int weft__odpor_race_nth;
uint32_t *weft__odpor_race_clk;   /* clk[i * nth + t] */
static uint32_t *tclk;            /* per thread, current */
static int32_t *last_of;          /* per thread: its last step */
static int32_t *created_of;       /* per thread: the step that created the
				     thread in its record so far, or -1 */
static struct rec *recs;
static int32_t nrecs, caprecs;
static int32_t *rsteps;           /* storage for rec.rstep */
static int32_t *buckets;
#define NBUCKETS 4096
long weft__odpor_race_inserted;

/* Races found by the pass, reversed once every clock is known (the
 * reversal needs the clocks of the steps after both). */
struct race {
	int32_t e, j;   /* j == n: thread q's next step at the end */
	int16_t q;
};
static struct race *races;
static long nraces, capraces;

void weft__odpor_note_race(long e, long j, int q)
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

int weft__odpor_race_touches(const struct ev *e, struct touch *t)
{
	int n = 0;

	/* e->obj first: add_step takes the first touch for the record of an
	 * acquisition. */
	if (e->access != WEFT__ACC_NONE && e->obj) {
		t[n++] = (struct touch){ e->obj,
					 e->access == WEFT__ACC_WRITE };
		if (e->obj2)
			t[n++] = (struct touch){ e->obj2,
						 e->access == WEFT__ACC_WRITE };
		if (e->blk)
			t[n++] = (struct touch){ e->blk, false };
		if (e->objr)
			t[n++] = (struct touch){ e->objr, false };
		if (e->flags & (EV_SC | EV_SCF))
			t[n++] = (struct touch){ weft__sc_fence_obj(),
						 (e->flags & EV_SCF) != 0 };
	} else if (e->flags & EV_SCF) {
		/* A barrier that is a fence and touches nothing else. */
		t[n++] = (struct touch){ weft__sc_fence_obj(), true };
	}
	/* The liveness whatever the step's object, as dependent() asks it. */
	if (e->flags & (EV_LIVE | EV_EXIT))
		t[n++] = (struct touch){ weft__liveness_obj(),
					 (e->flags & EV_LIVE) != 0 };
	return n;
}

/* ---- immediate predecessors -------------------------------------------- */

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
	struct touch tv[WEFT__MAX_TOUCH];
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

/* ---- the pass ------------------------------------------------------------- */

/* A thread's first step comes after the step that created it, also in a
 * record an ended thread handed on, whose clock goes on from that
 * thread's (it ended before the creation).  Only the record's first
 * thread was joined once, and a later one's steps looked unordered with
 * everything its creator did before creating it. */
static void first_step(int t, int32_t created)
{
	uint32_t *tc = tclk + (size_t)t * (size_t)nth;
	const uint32_t *pc;

	if (created == created_of[t])
		return;
	created_of[t] = created;
	if (created < 0 || created >= V->n)
		return;
	pc = C(created);
	for (int u = 0; u < nth; u++)
		if (pc[u] > tc[u])
			tc[u] = pc[u];
}

static void add_step(long i)
{
	const struct ev *e = &V->steps[i].ev;
	int t = e->tid;
	uint32_t *c = C(i);
	struct touch tv[WEFT__MAX_TOUCH];
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
		created_of = grow(created_of,
				  sizeof *created_of * (size_t)capth);
		/* Record storage depends on the thread count. */
		free(recs);
		free(rsteps);
		recs = NULL;
		rsteps = NULL;
		caprecs = 0;
	}
	/* (No thread yet, no clock: memset of NULL is undefined even for
	 * no bytes; a kernel-model test's analysis met it under UBSan.) */
	if (nth)
		memset(tclk, 0, sizeof *tclk * (size_t)nth * (size_t)nth);
	for (int t = 0; t < nth; t++)
		last_of[t] = created_of[t] = -1;
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
	if (debug > 0) {
		fprintf(stderr, "  steps (from %ld):", v->first_new);
		for (long i = 0; i < v->n; i++)
			fprintf(stderr, " %ld:t%d%s", i, v->steps[i].ev.tid,
				v->steps[i].ev.access == WEFT__ACC_WRITE ? "w"
				: v->steps[i].ev.access == WEFT__ACC_READ ? "r"
									  : "");
		fputc('\n', stderr);
	}
	for (long i = 0; i < v->n; i++) {
		const struct ev *e = &v->steps[i].ev;
		first_step(e->tid, V->steps[i].created);
		if (i >= v->first_new) {
			int t = e->tid;
			preds_of(e, t, &p);
			races_of(i, e, tclk + (size_t)t * (size_t)nth, &p,
				 last_of[t]);
			disabler_race(i, e, &p, last_of[t]);
		}
		add_step(i);
	}
	for (int q = 0; q < nth; q++) {
		const struct ev *e = &v->pending[q];
		if (!weft__ts_has(&v->live, q))
			continue;
		first_step(q, V->parent[q]);
		if (weft__ts_has(&v->enabled_end, q)) {
			if (v->ended_process && v->n > 0 &&
			    v->steps[v->n - 1].ev.tid != q)
				note_race(v->n - 1, v->n, q);
			continue;
		}
		{
			/* A blocked step changed no liveness in this
			 * execution: as a predecessor, the end's exit would
			 * hide the step that blocked it, and the race with
			 * the exit cannot be reversed (infeasible).  An
			 * exit after a disable_work_sync hid the disable's
			 * race with a worker's take, and a reachable bug
			 * was verified (found by a review). */
			struct ev b = *e;
			b.flags &= (uint16_t)~(EV_LIVE | EV_EXIT);
			preds_of(&b, q, &p);
		}
		races_of(v->n, e, tclk + (size_t)q * (size_t)nth, &p,
			 last_of[q]);
		disabler_race(v->n, e, &p, last_of[q]);
	}
	for (long k = 0; k < nraces; k++) {
		const struct race *r = &races[k];
		reverse(r->e, r->j,
			r->j < v->n ? &v->steps[r->j].ev : &v->pending[r->q]);
	}
	return inserted;
}
