/* src/tsan/weak.c - what a C11 atomic load may read: the stores it may see
 * besides the latest one, and the clocks the memory orders and fences
 * carry.  Its tables are weak_table.c's.
 *
 * weft runs one interleaving at a time, so memory holds the latest store to
 * each location.  Under C11 (and on every multiprocessor: store buffers,
 * caches) a load that is not seq_cst may also read an older store, as long
 * as coherence allows it: not older than a store any thread read or wrote
 * at a moment that happens before the load (its own earlier accesses
 * included), nor than what a seq_cst fence makes visible: the stores and
 * reads before an earlier seq_cst fence, if the loading thread has fenced
 * since, and the last seq_cst store before its own last seq_cst fence.
 * This is the view-based model of C11Tester and of CDSChecker without its
 * promises: a load reads a store made before it in the interleaving.  It
 * finds store buffering (SB), message passing with a relaxed flag (MP),
 * independent reads of independent writes (IRIW); a load that reads a store
 * made later in the interleaving (load buffering, LB) is not explored, nor
 * an order of one location's stores other than the interleaving's (2+2W).
 *
 * Each location an atomic touches keeps its last WEFT__WK_HIST stores, with
 * the value, the storing thread's epoch and the clock an acquirer of that
 * store joins (its release clock: the storer's at a release store or after
 * a release fence, carried on by the thread's later stores and by the
 * read-modify-writes of its release sequence).  A load with more than one
 * store to choose from is an explored choice of its own step
 * (weft__choose_here), the latest store first, so the first schedule of a
 * search is the sequentially consistent one.  The atomics' steps order
 * nothing in clock.c: every order an atomic gives is given here.
 *
 * Eventual visibility: of a thread's loads of one location with no new
 * store to it in between, the first RUNS may read an older store, the
 * later ones read the latest.  A polling loop may miss a store a few
 * times, never for ever (C11 asks stores to become visible in a finite
 * time), so it ends.
 *
 * What stays stronger than C11: a seq_cst load reads the last seq_cst
 * store or a later one (sc_early qualifies a verdict where S could have
 * put the load first); a load reads none of the stores dropped from a
 * location's last WEFT__WK_HIST (hist_cut says so); every
 * read-modify-write (a failed compare-exchange too) reads the latest
 * store; a plain write to an
 * atomic location (its initialisation) hides the stores before it from
 * everyone; a thread's third load in a row of a location nobody stored to
 * since sees the latest store. */
#include <string.h>

#include "tsan/weak.h"

#define RUNS 2      /* loads of one location that may read an older store
		       while no new store comes */

/* weft__verdict_note's key of the eventual-visibility note. */
#define EV_NOTE 0x4556454e54554100ull
/* And of the consume and the C++20 release-sequence notes. */
#define CONSUME_NOTE 0x434f4e53554d4500ull
#define RSEQ_NOTE 0x5253455132300000ull
/* And of the seq_cst load that S could put earlier. */
#define SC_NOTE 0x53434541524c5900ull
/* And of the stores dropped from a location's history. */
#define HIST_NOTE 0x4849535444524f00ull

static long max_l(long a, long b)
{
	return a > b ? a : b;
}

/* ---- loads ------------------------------------------------------------------ */

/* The newest store of l that thread tid must not read below: the newest
 * one any thread (tid too) had read or written at a moment that happens
 * before the load, or that a seq_cst fence makes visible to it (its own
 * fences' view; for a seq_cst load, every fence so far, scv). */
static long seen_through(const struct weft__wk_loc *l, int tid,
			 const struct weft__wk_thr *t,
			 const struct weft__wk_clk *scv)
{
	const uint32_t *vc = weft__vc(tid);
	int n = weft__nthreads();
	long best = -1;

	for (int u = 0; u < l->nper && u < n; u++) {
		const struct weft__wk_seen *s = &l->per[u];
		uint32_t k = vc[u];
		if (u == tid) {
			best = max_l(best, s->seen);
			continue;
		}
		if (!s->nobs)
			continue;
		if (weft__wk_clk_at(t->fv, u) > k)
			k = weft__wk_clk_at(t->fv, u);
		if (weft__wk_clk_at(scv, u) > k)
			k = weft__wk_clk_at(scv, u);
		best = max_l(best, weft__wk_seen_by(s, k));
	}
	return best;
}

/* The store of l (its place in l->h) that a seq_cst load (sc), or a load
 * after a seq_cst fence, must not read below: the last seq_cst store, or
 * the last before the thread's last seq_cst fence; -1 for none. */
static int sc_bound(const struct weft__wk_loc *l, const struct weft__wk_thr *t,
		    bool sc)
{
	for (int i = l->len - 1; i >= 0; i--) {
		const struct weft__wk_store *e = &l->h[i];
		if (e->sc && (sc || e->seq < t->fseq))
			return i;
	}
	return -1;
}

/* The oldest store thread tid may read: not older than what it must have
 * seen (seen_through), than the last seq_cst store before its last
 * seq_cst fence, nor, for a seq_cst load, than the last seq_cst store
 * (they are all in one total order, the interleaving's). */
static long oldest_index(const struct weft__wk_loc *l, int tid,
			 const struct weft__wk_thr *t, bool sc)
{
	long floor = seen_through(l, tid, t, sc ? weft__wk_sc_view() : NULL);
	int b = sc_bound(l, t, sc);

	return b >= 0 ? max_l(floor, weft__wk_index(l, b)) : floor;
}

int weft__wk_oldest_readable(const struct weft__wk_loc *l, int tid,
			     const struct weft__wk_thr *t, bool sc)
{
	int lo = (int)(oldest_index(l, tid, t, sc) - weft__wk_index(l, 0));

	return lo < 0 ? 0 : lo < l->len ? lo : l->len - 1;
}

/* The location keeps its last WEFT__WK_HIST stores: a load that could
 * have read one dropped before them does not.  Said once per test (a
 * probe's message passing behind nine relaxed stores of the payload was
 * verified "every interleaving" although C11 lets the reader see the
 * first value). */
static void hist_cut(const struct weft__wk_loc *l, int tid,
		     const struct weft__wk_thr *t, int mo, uintptr_t pc)
{
	long first = weft__wk_index(l, 0);

	if (first <= l->base || weft__verdict_noted(HIST_NOTE) ||
	    oldest_index(l, tid, t, mo == 5) >= first)
		return;
	weft__verdict_unexplored(
		WEFT__UNEXPLORED(HIST), HIST_NOTE,
		weft__internf("an atomic location keeps its last %d stores: "
			      "a load (%s) could have read an older one, "
			      "which is not explored, and a bug that needs it "
			      "is not found",
			      WEFT__WK_HIST, weft__wk_site(pc)));
}

/* A seq_cst load, or a load after a seq_cst fence, reads no older than
 * the seq_cst store sc_bound gives, as if S put the load (the fence)
 * after that store because the interleaving did.  C11 lets S put it
 * first when nothing orders the store before it: neither happens-before
 * (then the thread must have seen it anyway) nor S-knowledge (its
 * thread's later seq_cst accesses that the loading thread's S-knowledge
 * includes).  While every read of another thread's store was a seq_cst
 * read of a seq_cst store, each order S may take is an interleaving of
 * its own, explored as such (Peterson's lock in seq_cst was qualified
 * before this test); a weaker read (a relaxed flag) can tie the
 * interleaving's order where S need not follow it.  An older store the
 * load could then read is not explored: said
 * once per test (a probe's seq_cst payload behind a relaxed flag read 0,
 * which C11 allows, and was verified "every interleaving" with no word;
 * weak.c's header said so only in a comment). */
static void sc_early(const struct weft__wk_loc *l, int tid,
		     const struct weft__wk_thr *t, int mo, uintptr_t pc)
{
	bool sc = mo == 5;
	int b = sc_bound(l, t, sc);
	const struct weft__wk_store *e;
	const struct weft__wk_clk *know;
	long hb;

	if (b < 0 || !*weft__wk_weak_rf() || weft__verdict_noted(SC_NOTE))
		return;
	e = &l->h[b];
	know = sc ? t->sck : t->fsck;
	if (e->tid < 0 || e->tid == tid ||
	    weft__wk_clk_at(know, e->tid) >= (uint32_t)e->seq)
		return;
	hb = seen_through(l, tid, t, sc ? weft__wk_sc_view() : NULL);
	if (hb >= weft__wk_index(l, b) || b == 0)
		return;
	weft__verdict_unexplored(
		WEFT__UNEXPLORED(SC), SC_NOTE,
		weft__internf("a %s (%s) reads no older than the last seq_cst "
			      "store to its location in the interleaving, "
			      "another thread's that nothing orders before "
			      "it: a bug that needs S to put the %s first, "
			      "so that it reads an older store, is not found",
			      sc ? "seq_cst load" : "load after a seq_cst fence",
			      weft__wk_site(pc), sc ? "load" : "fence"));
}

/* --stale-bound: may this load still read an older store?  When the
 * bound keeps it from it, the verdict says it holds within the bound. */
static bool within_bound(void)
{
	long k = weft__opts.stale_bound;

	if (k < 0 || *weft__wk_stale_reads() < k)
		return true;
	weft__verdict_stale_cut();
	return false;
}

/* The trace's note on a stale read, "sees 0, not yet 1".  Notes live in
 * the execution's name pool; a polling loop makes the same one again and
 * again, so the last is kept rather than interned anew each time. */
static void note_stale(const struct weft__wk_loc *l, int i)
{
	static struct {
		long gen;
		weft__wk_val seen, latest;
		const char *note;
	} last;
	weft__wk_val v = l->h[i].v, latest = l->h[l->len - 1].v;

	if (last.gen != weft__exec_gen() || last.seen != v ||
	    last.latest != latest || !last.note) {
		last.gen = weft__exec_gen();
		last.seen = v;
		last.latest = latest;
		last.note = weft__internf("sees %llu, not yet %llu",
					  (unsigned long long)v,
					  (unsigned long long)latest);
	}
	weft__step_note(last.note);
}

/* The thread read store i: coherence, and the clocks of its order. */
void weft__wk_took(struct weft__wk_loc *l, int i, int tid, int mo)
{
	struct weft__wk_thr *t = weft__wk_thr(tid);
	const struct weft__wk_store *e = &l->h[i];

	weft__wk_saw(l, tid, weft__wk_index(l, i));
	if (e->tid >= 0 && e->tid != tid && !(mo == 5 && e->sc))
		*weft__wk_weak_rf() = true;
	if (!e->rel)
		return;
	if (weft__wk_acquires(mo))
		weft__vc_acquire(tid, e->rel->c, e->rel->n);
	else
		t->acq = weft__wk_clk_join(t->acq, e->rel);
}

/* The place of the program's code at pc, "file.c:12", for the notes. */
const char *weft__wk_site(uintptr_t pc)
{
	const struct weft_loc *l = weft__pc_loc(pc);

	return weft__internf("%s:%d", weft__file_base(l ? l->file : "?"),
			     l ? l->line : 0);
}

/* A load past the first RUNS of a run reads the latest store although an
 * older one was readable: a poll that gives up after a few tries may miss
 * a store more often than that (C11 only asks for visibility in finite
 * time).  Said once per test, on any verdict, and on a verification's
 * line, like the load-buffering note: an exhaustive search is exhaustive
 * only up to this (a probe's three-try poll was verified with no word of
 * it, and then with the note only, under "every interleaving (no bound
 * needed)"). */
static void visibility_cut(const struct weft__wk_loc *l, int tid,
			   const struct weft__wk_thr *t, int mo, uintptr_t pc)
{
	if (weft__verdict_noted(EV_NOTE) ||
	    weft__wk_oldest_readable(l, tid, t, mo == 5) >= l->len - 1)
		return;
	weft__verdict_unexplored(
		WEFT__UNEXPLORED(EV), EV_NOTE,
		weft__internf("from its %s load in a row of an atomic "
			      "location with no new store, a thread reads the "
			      "latest store (%s): a bug that needs a poll to "
			      "miss a store %d times is not found",
			      RUNS == 2 ? "third" : "next", weft__wk_site(pc), RUNS + 1));
}

/* What a load's synchronisation rests on where weft is stronger than the
 * standard the program may follow, said once per test: a consume load
 * orders every later read as an acquire does (as gcc and clang compile
 * it), where C11 orders only those carrying a dependency from it (a
 * probe's read of another variable after a consume load was verified
 * with no word); and an acquire that read a relaxed store its thread
 * made after a release store to the location synchronises with that
 * release as C11 and C++17 say, where C++20 ends the release sequence at
 * such a store (verified with no word, though the README says so). */
static void synced_notes(const struct weft__wk_store *e, int mo,
			 uintptr_t pc)
{
	if (mo == 1 && e->rel && !weft__verdict_noted(CONSUME_NOTE))
		weft__verdict_note(
			CONSUME_NOTE,
			weft__internf("memory_order_consume is taken as "
				      "acquire (%s), as gcc and clang compile "
				      "it: a read that carries no dependency "
				      "from the load is ordered after the "
				      "release, where C11 leaves it a data "
				      "race, which is not found",
				      weft__wk_site(pc)));
	if (e->carried && weft__wk_acquires(mo) &&
	    !weft__verdict_noted(RSEQ_NOTE))
		weft__verdict_note(
			RSEQ_NOTE,
			weft__internf("an acquire load (%s) read a relaxed "
				      "store that continues its thread's "
				      "earlier release store in C11's and "
				      "C++17's release sequence, and "
				      "synchronises with it; C++20 ends the "
				      "sequence at such a store, so under "
				      "C++20 a race this hides is not found",
				      weft__wk_site(pc)));
}

void weft__weak_load(const volatile void *a, void *v, unsigned n, int mo,
		     uintptr_t pc)
{
	int tid = weft__self();
	struct weft__wk_loc *l = weft__wk_loc(a, n);
	struct weft__wk_thr *t = weft__wk_thr(tid);
	struct weft__wk_seen *s = weft__wk_seen(l, tid);
	int i = l->len - 1;

	if (s->at != l->nst) {
		s->at = l->nst;
		s->runs = 0;
	}
	sc_early(l, tid, t, mo, pc);
	if (s->runs++ < RUNS) {
		int lo = weft__wk_oldest_readable(l, tid, t, mo == 5);
		hist_cut(l, tid, t, mo, pc);
		if (lo < l->len - 1 && within_bound())
			i -= weft__choose_here(l->len - lo);
	} else if (s->runs == RUNS + 1) {
		visibility_cut(l, tid, t, mo, pc);
	}
	weft__wk_took(l, i, tid, mo);
	/* In S it comes after the seq_cst store it read, and before the
	 * seq_cst stores to come (coherence). */
	if (mo == 5)
		weft__wk_sc_order(t, tid, l, l->h[i].sc ? l->h[i].sck : NULL,
				  0);
	weft__wk_load_seen(t, a, mo, pc);
	synced_notes(&l->h[i], mo, pc);
	if (i != l->len - 1) {
		++*weft__wk_stale_reads();
		note_stale(l, i);
		memcpy(v, &l->h[i].v, n);
	}
}
