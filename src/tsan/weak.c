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
 * store or a later one; every read-modify-write (a failed
 * compare-exchange too) reads the latest store; a plain write to an
 * atomic location (its initialisation) hides the stores before it from
 * everyone; a thread's third load in a row of a location nobody stored to
 * since sees the latest store. */
#include <string.h>

#include "tsan/weak.h"

#define RUNS 2      /* loads of one location that may read an older store
		       while no new store comes */

/* weft__verdict_note's key of the load-buffering note. */
#define LB_NOTE 0x4c4f414442554600ull
/* And of the eventual-visibility note. */
#define EV_NOTE 0x4556454e54554100ull
/* And of the consume and the C++20 release-sequence notes. */
#define CONSUME_NOTE 0x434f4e53554d4500ull
#define RSEQ_NOTE 0x5253455132300000ull

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

/* The oldest store thread tid may read: not older than what it must have
 * seen (seen_through), than the last seq_cst store before its last
 * seq_cst fence, nor, for a seq_cst load, than the last seq_cst store
 * (they are all in one total order, the interleaving's). */
int weft__wk_oldest_readable(const struct weft__wk_loc *l, int tid,
			     const struct weft__wk_thr *t, bool sc)
{
	long floor = seen_through(l, tid, t, sc ? weft__wk_sc_view() : NULL);
	int lo;

	for (int i = l->len - 1; i >= 0; i--) {
		const struct weft__wk_store *e = &l->h[i];
		if (e->sc && (sc || e->seq < t->fseq)) {
			floor = max_l(floor, weft__wk_index(l, i));
			break;
		}
	}
	lo = (int)(floor - weft__wk_index(l, 0));
	return lo < 0 ? 0 : lo < l->len ? lo : l->len - 1;
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

/* Load buffering, the one reordering weak.c does not explore: a load
 * reading a store that comes after it in the interleaving, which C11
 * allows when the store that follows the load in its thread is not
 * ordered after it by happens-before through the other thread: unless
 * the load acquires (or an acquire fence follows it) and the store
 * releases (or a release fence precedes it, after the load), a cycle of
 * such pairs is no happens-before cycle, and each load may read the
 * other thread's later store.  Only relaxed loads before relaxed stores
 * were noted, and an acquire load before a relaxed store (or a relaxed
 * load before a release store) was verified with "every interleaving"
 * (a probe of litmus programs).  Said once per test, on any verdict. */
static void lb_add(struct weft__wk_lb *c, const volatile void *a, uintptr_t pc)
{
	if (!c->a[0]) {
		c->a[0] = a;
		c->pc[0] = pc;
	} else if (!c->a[1] && c->a[0] != a) {
		c->a[1] = a;
		c->pc[1] = pc;
	}
}

/* A load kept in c of another location than a, or -1. */
static int lb_other(const struct weft__wk_lb *c, const volatile void *a)
{
	for (int k = 0; k < 2; k++)
		if (c->a[k] && c->a[k] != a)
			return k;
	return -1;
}

/* A store (or a read-modify-write's store) of order mo to a. */
void weft__wk_load_buffering(struct weft__wk_thr *t, const volatile void *a,
			      int mo, uintptr_t pc)
{
	const struct weft__wk_lb *c = &t->lb_acq;
	int k = -1;

	if (!weft__wk_releases(mo) && (k = lb_other(&t->lb_rel, a)) >= 0)
		c = &t->lb_rel;
	else if ((k = lb_other(&t->lb_acq, a)) < 0)
		return;
	/* Said once: the sites' look-ups and the message are made only
	 * for the first (each pair of a load and a store made them). */
	if (!weft__verdict_noted(LB_NOTE))
		weft__verdict_unexplored(
			WEFT__UNEXPLORED(LB), LB_NOTE,
			weft__internf(
				"load buffering is not explored: a load (%s) "
				"comes before a store to another location "
				"(%s) with no acquire after the load and "
				"release before the store between them; a bug "
				"that needs the load to read a store made "
				"after it is not found",
				weft__wk_site(c->pc[k]), weft__wk_site(pc)));
	t->lb_acq = t->lb_rel = (struct weft__wk_lb){ { 0 }, { 0 } };
}

/* A load (or a read-modify-write's read) of order mo of a. */
void weft__wk_load_seen(struct weft__wk_thr *t, const volatile void *a,
			 int mo, uintptr_t pc)
{
	lb_add(&t->lb_rel, a, pc);
	if (!weft__wk_acquires(mo))
		lb_add(&t->lb_acq, a, pc);
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
	if (s->runs++ < RUNS) {
		int lo = weft__wk_oldest_readable(l, tid, t, mo == 5);
		if (lo < l->len - 1 && within_bound())
			i -= weft__choose_here(l->len - lo);
	} else if (s->runs == RUNS + 1) {
		visibility_cut(l, tid, t, mo, pc);
	}
	weft__wk_took(l, i, tid, mo);
	weft__wk_load_seen(t, a, mo, pc);
	synced_notes(&l->h[i], mo, pc);
	if (i != l->len - 1) {
		++*weft__wk_stale_reads();
		note_stale(l, i);
		memcpy(v, &l->h[i].v, n);
	}
}

/* ---- fences ----------------------------------------------------------------- */

/* A fence's effect in thread tid (its step, for a seq_cst one, is the
 * caller's business). */
static void fence_effect(int tid, int mo)
{
	struct weft__wk_thr *t = weft__wk_thr(tid);

	if (weft__wk_acquires(mo) && t->acq)
		weft__vc_acquire(tid, t->acq->c, t->acq->n);
	if (weft__wk_acquires(mo))
		t->lb_acq = (struct weft__wk_lb){ { 0 }, { 0 } };
	if (weft__wk_releases(mo))
		t->lb_rel = (struct weft__wk_lb){ { 0 }, { 0 } };
	if (weft__wk_releases(mo)) {
		/* A seq_cst fence's step began a new epoch already. */
		if (mo != 5)
			weft__vc_tick(tid);
		t->frel = weft__wk_clk_of(tid);
	}
	if (mo == 5) {
		t->fseq = weft__wk_next_seq();
		t->fv = weft__wk_clk_join(t->fv, weft__wk_sc_view());
		weft__wk_sc_add(weft__wk_clk_join(weft__wk_clk_of(tid), t->fv));
	}
}

void weft__weak_fence(int mo, uintptr_t pc)
{
	if (mo == 5) {
		/* seq_cst fences are ordered among themselves: a step on one
		 * object, so the explorer tries their orders, and the
		 * seq_cst accesses read that object (WEFT__ORDER_SC), so it
		 * tries a fence's orders against them too. */
		struct weft__op op = { .name = "atomic_fence",
				       .obj = weft__sc_fence_obj(),
				       .objname = "seq_cst fences",
				       .access = WEFT__ACC_WRITE,
				       .order = WEFT__ORDER_EXPLICIT,
				       .loc = weft__pc_loc(pc) };
		weft__visible(&op);
	}
	fence_effect(weft__self(), mo);
}

bool weft__weak_release_fenced(int tid)
{
	return weft__wk_thr(tid)->frel != NULL;
}

/* membarrier(2): while the call runs, every other thread of the process
 * executes a full barrier (the kernel's IPIs), after a barrier of the
 * caller's and before another: a seq_cst fence in each live thread,
 * between two of the caller's.  The asymmetric fence of liburcu's and
 * folly's hazard pointers (a compiler barrier in the reader) rests on it;
 * without it a probe's correct hazard pointer was a use-after-free. */
void weft__weak_membarrier(uintptr_t pc)
{
	int self = weft__self();

	weft__weak_fence(5, pc);
	for (int u = 0; u < weft__nthreads(); u++)
		if (u != self && !weft__thread_done(u))
			fence_effect(u, 5);
	weft__weak_fence(5, pc);
}
