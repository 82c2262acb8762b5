/* src/tsan/weak_store.c - the stores of weak.c's model of C11 atomics:
 * each location's order of stores with the release clock an acquirer of
 * each joins, C11's release sequences, and the notes of what the order
 * leaves out (two threads' unordered stores, compare-exchanges reading an
 * older store).  The loads and fences are weak.c's. */
#include <string.h>

#include "tsan/weak.h"

/* weft__verdict_note's key of the store-order note. */
#define CO_NOTE 0x434f484552454e00ull
/* And of the failed compare-exchange's note. */
#define CAS_NOTE 0x4641494c43415300ull

/* Append the store of v by thread tid; rel is its release clock, own the
 * part of it its thread's later plain stores carry on.  A seq_cst store
 * takes its place in S after what its location's seq_cst accesses
 * before it knew (coherence). */
static void append(struct weft__wk_loc *l, weft__wk_val v, int tid,
		   const struct weft__wk_clk *rel,
		   const struct weft__wk_clk *own, int mo, bool rmw)
{
	long seq = mo == 5 ? weft__wk_next_seq() : 0;
	struct weft__wk_thr *t = weft__wk_thr(tid);

	if (l->len == WEFT__WK_HIST) {
		memmove(&l->h[0], &l->h[1], sizeof l->h[0] * (WEFT__WK_HIST - 1));
		l->len--;
	}
	if (seq)
		weft__wk_sc_order(t, tid, l, l->scall, seq);
	l->h[l->len++] = (struct weft__wk_store){
		.v = v, .tid = tid, .clk = weft__vc(tid)[tid], .rel = rel,
		.own = own, .sc = seq != 0, .seq = seq, .rmw = rmw,
		.sck = seq ? t->sck : NULL };
	weft__wk_saw(l, tid, l->nst++);
}

/* A store to bytes other records of other start addresses cover is a
 * store to each of them too, with the same clocks (a 64-bit release
 * store of a union is what a 32-bit acquire load of its upper half
 * synchronises with; without this it started again from memory, and a
 * release publication through it was a data race: a probe).  Each is
 * first brought in line with memory. */
static void spread(const volatile void *a, unsigned n, weft__wk_val v,
		   int tid, const struct weft__wk_clk *rel,
		   const struct weft__wk_clk *own, int mo, bool rmw,
		   bool carry)
{
	struct weft__wk_loc *o[4];
	int k;

	if (!weft__wk_overlapped())
		return;
	k = weft__wk_overlaps(a, n, o, 4);
	for (int i = 0; i < k; i++) {
		struct weft__wk_loc *l = weft__wk_loc(o[i]->a, o[i]->n);
		append(l, weft__wk_spread_value(l, a, n, v), tid, rel, own, mo,
		       rmw);
		l->h[l->len - 1].carried = carry;
	}
}

/* A store to a location whose latest store is another thread's, not
 * ordered before this one, and not both seq_cst: C11 lets them land in
 * either order, but weak.c keeps the interleaving's (2+2W, S).  Said
 * once per test, on any verdict, and on a verification's line, like the
 * load-buffering note (a probe's 2+2W program was "every interleaving
 * (no bound needed)" with the limit in a note only).  Not for a
 * read-modify-write after another's: each reads the store before it in
 * the location's order, so the other order of the two is the other
 * interleaving, explored as such (two relaxed fetch_adds were verified
 * "without unordered stores ... landing in the other order": a probe). */
static void store_order(const struct weft__wk_store *last, int tid, int mo,
			bool rmw, uintptr_t pc)
{
	if (last->tid < 0 || last->tid == tid || (last->sc && mo == 5) ||
	    (rmw && last->rmw) || last->clk <= weft__vc(tid)[last->tid] ||
	    weft__verdict_noted(CO_NOTE))
		return;
	weft__verdict_unexplored(
		WEFT__UNEXPLORED(CO), CO_NOTE,
		weft__internf("the order of two threads' unordered stores to "
			      "one atomic location (the second at %s) is "
			      "the interleaving's: a bug that needs them to "
			      "land in the other order (2+2W, S) is not found",
			      weft__wk_site(pc)));
}

/* The release sequences headed by thread tid that a store of tid's to l
 * would continue (C11 5.1.2.4: a release sequence goes on through the
 * heading thread's later stores and anyone's read-modify-writes): those
 * of tid's last store, when only read-modify-writes of other threads
 * came after it.  The intervening read-modify-writes' own releases are
 * not carried: a plain store of tid ends their sequences.  It once took
 * the latest store's whole release clock when it was tid's, and NULL
 * otherwise: a relaxed store after its thread's own relaxed RMW carried on
 * a sequence of another thread, and a race behind it was verified; and
 * one after another thread's RMW carried nothing, and a correct program
 * was a data race (a probe of litmus programs). */
static const struct weft__wk_clk *carried(const struct weft__wk_loc *l,
					  int tid)
{
	for (int i = l->len - 1; i >= 0; i--) {
		if (l->h[i].tid == tid)
			return l->h[i].own;
		if (!l->h[i].rmw)
			return NULL;
	}
	return NULL;
}

void weft__weak_store(const volatile void *a, const void *v, unsigned n,
		      int mo, uintptr_t pc)
{
	int tid = weft__self();
	struct weft__wk_loc *l = weft__wk_loc(a, n);
	struct weft__wk_thr *t = weft__wk_thr(tid);
	const struct weft__wk_store *last = &l->h[l->len - 1];
	const struct weft__wk_clk *rel, *carry = NULL;
	weft__wk_val nv = 0;

	memcpy(&nv, v, n);
	nv = weft__wk_val_put(last->v, 0, nv, n);
	weft__wk_load_buffering(t, a, mo, pc);
	store_order(last, tid, mo, false, pc);
	if (weft__wk_releases(mo)) {
		rel = weft__wk_clk_of(tid);
	} else {
		/* A release fence before, and C11's release sequence: the
		 * releasing thread's later stores carry its release on. */
		carry = carried(l, tid);
		rel = weft__wk_clk_join(t->frel, carry);
	}
	append(l, nv, tid, rel, rel, mo, false);
	l->h[l->len - 1].carried = carry != NULL;
	spread(a, n, nv, tid, rel, rel, mo, false, carry != NULL);
}

/* A read-modify-write reads the latest store and writes the next: its
 * release clock continues the sequence of the store it read.  One that
 * left the value as it was is a store all the same (C11: every RMW is a
 * modification, in the location's order): it was once recorded as a read
 * only unless it released, and a store buffering between two threads'
 * fetch_or(.., 0) peeks was verified with no word of the other order of
 * a peek and the other thread's store (a probe). */
void weft__weak_rmw(const volatile void *a, const void *nv, unsigned n,
		    int mo, uintptr_t pc)
{
	int tid = weft__self();
	struct weft__wk_loc *l = weft__wk_loc(a, n);
	struct weft__wk_thr *t = weft__wk_thr(tid);
	const struct weft__wk_clk *prev = l->h[l->len - 1].rel, *own = NULL;
	weft__wk_val v = 0;

	weft__wk_took(l, l->len - 1, tid, mo);
	/* Its read is a load for the load-buffering note: a cycle of
	 * relaxed read-modify-writes reading each other's later stores (2+2W
	 * with exchanges, S with RMWs only) is allowed by C11, and with no
	 * 2+2W note for two RMWs it had no word (a review's probe). */
	weft__wk_load_seen(t, a, mo, pc);
	weft__wk_load_buffering(t, a, mo, pc);
	/* Its store lands last, as a plain store's: an exchange after
	 * another thread's unordered store to the location may land before
	 * it in C11 and read the older value (S with an exchange was
	 * verified with no word of it: a probe of litmus programs). */
	store_order(&l->h[l->len - 1], tid, mo, true, pc);
	memcpy(&v, nv, n);
	v = weft__wk_val_put(l->h[l->len - 1].v, 0, v, n);
	if (weft__wk_releases(mo))
		own = weft__wk_clk_of(tid);
	else if (t->frel)
		own = t->frel;
	append(l, v, tid, own ? weft__wk_clk_join(prev, own) : prev,
	       weft__wk_clk_join(own, carried(l, tid)), mo, true);
	spread(a, n, v, tid, l->h[l->len - 1].rel, l->h[l->len - 1].own,
	       mo, true, false);
}

/* A failed compare-exchange reads the latest store, where C11 lets it
 * read an older one as a load of its failure order may: said once per
 * test when an older store was readable, and on a verification's line
 * (a probe's store buffering through two failed compare-exchanges was
 * verified with no word of it, and then with the note only). */
static void cas_note(const struct weft__wk_loc *l, int tid, int fmo,
		     uintptr_t pc)
{
	if (!weft__verdict_noted(CAS_NOTE) &&
	    weft__wk_oldest_readable(l, tid, weft__wk_thr(tid), fmo == 5) < l->len - 1)
		weft__verdict_unexplored(
			WEFT__UNEXPLORED(CAS), CAS_NOTE,
			weft__internf("a compare-exchange reads the latest "
				      "store (%s): a bug that needs it to read "
				      "an older one and fail, as a load of its "
				      "failure order may, is not found",
				      weft__wk_site(pc)));
}

void weft__weak_cas_failed(const volatile void *a, unsigned n, int fmo,
			   uintptr_t pc)
{
	int tid = weft__self();
	struct weft__wk_loc *l = weft__wk_loc(a, n);

	cas_note(l, tid, fmo, pc);
	weft__wk_took(l, l->len - 1, tid, fmo);
	/* Its read is a load for the load-buffering note too: load
	 * buffering through two failed relaxed compare-exchanges was
	 * verified with the compare-exchange's clause only, which does not
	 * cover a read of a later store (a probe). */
	weft__wk_load_seen(weft__wk_thr(tid), a, fmo, pc);
}

/* One that succeeded might have failed the same way: a message passed
 * through a relaxed flag and then a compare-exchange of the data was
 * verified with no word of it (a probe of litmus programs). */
void weft__weak_cas_succeeded(const volatile void *a, unsigned n, int fmo,
			      uintptr_t pc)
{
	cas_note(weft__wk_loc(a, n), weft__self(), fmo, pc);
}

