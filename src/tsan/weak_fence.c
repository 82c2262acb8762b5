/* src/tsan/weak_fence.c - the fences of weak.c's model of C11 atomics:
 * what an acquire fence joins and a release fence lets later relaxed
 * stores carry, the seq_cst fences' order and views, and membarrier(2)'s
 * fence in every thread.  The loads are weak.c's, the stores
 * weak_store.c's. */
#include "pthread/pt.h"
#include "tsan/weak.h"

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
		const struct weft__wk_clk **scf = weft__wk_sc_fences();
		t->fseq = weft__wk_next_seq();
		/* Fences are in S in the interleaving's order (an explored
		 * choice: they are steps on one object). */
		weft__wk_sc_order(t, tid, NULL, *scf, t->fseq);
		*scf = t->fsck = t->sck;
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

/* C11 atomic loads, by the entry points' names (atomic.c). */
bool weft__weak_fences_matter(void)
{
	static const char *const names[] = {
		"__tsan_atomic8_load",  "__tsan_atomic16_load",
		"__tsan_atomic32_load", "__tsan_atomic64_load",
		"__tsan_atomic128_load", NULL,
	};
	static int known;

	return weft__pt_imports_once(&known, names);
}

/* The kernel's full barriers were no fence for the C11 atomics that
 * smp_load_acquire, smp_store_release, xchg and cmpxchg are made of:
 * store buffering through smp_store_release; smp_mb(); smp_load_acquire
 * on both sides (LKMM's SB+fencembonceonces, Never) read both old
 * values, and so did xchg or atomic_inc_return before the load (a
 * probe's fifteen shapes).  A step of its own for the fence cost a
 * scheduling point per barrier and turned a cmpxchg livelock into the
 * step limit; the fence is its step's now. */
static void sc_fence_in(int tid)
{
	weft__clock_sc_fence(tid);
	fence_effect(tid, 5);
}

void weft__weak_sc_fence_effect(void)
{
	sc_fence_in(weft__self());
}

void weft__weak_fence_next(void)
{
	weft__wk_thr(weft__self())->full_next = true;
}

bool weft__weak_fence_pending(int tid)
{
	return weft__wk_thr(tid)->full_next;
}

void weft__weak_fence_done(int tid, bool stored)
{
	struct weft__wk_thr *t = weft__wk_thr(tid);

	if (!t->full_next)
		return;
	t->full_next = false;
	if (stored)
		sc_fence_in(tid);
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
