/* src/tsan/weak.h - the state of the memory model of atomics, shared by
 * weak.c (the model: what a load may read), weak_store.c (the stores),
 * weak_fence.c (the fences), weak_lb.c (the load-buffering clause) and
 * weak_table.c (its per-execution tables and clocks).  Private to those
 * files; the rest of weft calls the weft__weak_* of tsan/tsan.h. */
#ifndef WEFT_TSAN_WEAK_H
#define WEFT_TSAN_WEAK_H

#include "detect/race.h"
#include "tsan/tsan.h"

#define WEFT__WK_HIST 8 /* stores kept per location */

typedef unsigned __int128 weft__wk_val;

/* A snapshot of a vector clock: n entries, zero beyond. */
struct weft__wk_clk {
	int n;
	uint32_t c[];
};

struct weft__wk_store {
	weft__wk_val v;
	int tid;                  /* -1: the value before any tracked store,
				     visible to every thread */
	uint32_t clk;             /* the storer's epoch */
	const struct weft__wk_clk *rel; /* what an acquirer joins, or NULL */
	const struct weft__wk_clk *own; /* of rel, the release sequences its
				     thread heads that it continues: what
				     that thread's later plain store carries
				     on (C11's release sequence) */
	bool carried;             /* a plain store whose rel is only such a
				     carried sequence (C++20 ends it) */
	bool sc;                  /* a seq_cst store (or the first value) */
	bool rmw;                 /* a read-modify-write's */
	const struct weft__wk_clk *sck; /* a seq_cst one's: its thread's
				     S-knowledge then (weft__wk_sc_order) */
	long seq;                 /* its place among the seq_cst stores and
				     fences (0: the first value) */
};

/* A thread's observation of a location: at its epoch clk it had read or
 * written the store of index idx (or a later one). */
struct weft__wk_obs {
	uint32_t clk;
	long idx;
};

/* What one thread knows of one location: the newest store (by its index in
 * the location's order) it read or wrote, with the epochs at which that
 * grew; the location's store count at its last load, and its loads since
 * that count changed. */
struct weft__wk_seen {
	uint64_t serial;
	long seen, at;
	int runs;
	struct weft__wk_obs *obs;
	int nobs, capobs;
};

struct weft__wk_loc {
	const volatile void *a;
	unsigned n;               /* its widest access's size */
	int len;                  /* stores kept, oldest first */
	long nst;                 /* stores so far: the next one's index */
	long base;                /* the index of the history's first store:
				     those below index 0 of h were dropped */
	struct weft__wk_store h[WEFT__WK_HIST];
	const struct weft__wk_clk *scall; /* the join of the S-knowledge of
				     every seq_cst access to it */
	struct weft__wk_seen *per;
	int nper;
	struct weft__wk_loc *next;
};

/* Per thread: the clock a later acquire fence joins (release clocks of the
 * stores its relaxed loads read), its clock at its last release fence,
 * what seq_cst fences made visible to it and the place of its last one,
 * and loads it made, for the load-buffering note (weak.c): those with no
 * acquire (load or fence) after them yet, and those with no release fence
 * after them yet. */
struct weft__wk_lb {
	const volatile void *a[2]; /* two locations, the first two seen */
	uintptr_t pc[2];
};
struct weft__wk_thr {
	uint64_t serial;
	struct weft__wk_clk *acq, *fv;
	const struct weft__wk_clk *frel;
	long fseq;
	struct weft__wk_lb lb_acq, lb_rel;
	/* S-knowledge (weft__wk_sc_order): now, and at its last seq_cst
	 * fence. */
	const struct weft__wk_clk *sck, *fsck;
	/* Its next read-modify-write is fully ordered: a seq_cst fence
	 * after it, in its step (weft__weak_fence_next). */
	bool full_next;
};

/* What weak.c's loads offer its stores (weak_store.c): the memory orders
 * that acquire and release; the oldest store thread tid may read of l;
 * that tid read store i with order mo; a program site for a note; and
 * the load-buffering bookkeeping of a store and of a load. */
static inline bool weft__wk_acquires(int mo)
{
	return mo == 1 || mo == 2 || mo == 4 || mo == 5;
}
static inline bool weft__wk_releases(int mo)
{
	return mo == 3 || mo == 4 || mo == 5;
}
int weft__wk_oldest_readable(const struct weft__wk_loc *l, int tid,
			     const struct weft__wk_thr *t, bool sc);
void weft__wk_took(struct weft__wk_loc *l, int i, int tid, int mo);
const char *weft__wk_site(uintptr_t pc);
void weft__wk_load_buffering(struct weft__wk_thr *t, const volatile void *a,
			      int mo, uintptr_t pc);
void weft__wk_load_seen(struct weft__wk_thr *t, const volatile void *a,
			 int mo, uintptr_t pc);
/* S-knowledge: entry u of a thread's sck is the place (seq) of thread u's
 * last seq_cst store or fence that C11 puts before the thread's current
 * point in S whatever S is chosen (by the thread's order, a seq_cst
 * store's coherence after the seq_cst accesses of its location before
 * it, a seq_cst load reading a seq_cst store, the order of fences).  A
 * seq_cst access of thread tid to l (NULL: a fence) joins from and, with
 * seq > 0, puts its own place in. */
void weft__wk_sc_order(struct weft__wk_thr *t, int tid,
		       struct weft__wk_loc *l, const struct weft__wk_clk *from,
		       long seq);

/* Clocks (weak_table.c).  A new snapshot of thread tid's clock; a joined
 * with b (either may be NULL, both NULL gives NULL); entry i of k. */
struct weft__wk_clk *weft__wk_clk_of(int tid);
struct weft__wk_clk *weft__wk_clk_join(const struct weft__wk_clk *a,
				       const struct weft__wk_clk *b);
static inline uint32_t weft__wk_clk_at(const struct weft__wk_clk *k, int i)
{
	return k && i < k->n ? k->c[i] : 0;
}

/* Tables of the current execution (weak_table.c).  weft__wk_loc: the
 * location's record, its history brought in line with memory (a location
 * seen for the first time, or written since by plain code or a model,
 * starts again from the value memory holds, visible to every thread,
 * with the release clock the models left there). */
struct weft__wk_loc *weft__wk_loc(const volatile void *a, unsigned n);
/* Mixed sizes.  A location's record is as wide as its widest access so
 * far (l->n, from its start address): a narrower access reads and writes
 * the low bytes of its values (weft__wk_val_put: x's n bytes in v at
 * offset off).  A record first seen takes the history of one at another
 * start address that covers it; weft__wk_overlaps gives those whose bytes
 * overlap [a, a+n) (up to max), once weft__wk_overlapped says any did,
 * and a store to one is a store to the others too, of the value
 * weft__wk_spread_value gives (o's latest with the bytes of [a, a+n)
 * from v). */
weft__wk_val weft__wk_val_put(weft__wk_val v, unsigned off, weft__wk_val x,
			      unsigned n);
int weft__wk_overlaps(const volatile void *a, unsigned n,
		      struct weft__wk_loc **out, int max);
bool weft__wk_overlapped(void);
weft__wk_val weft__wk_spread_value(const struct weft__wk_loc *o,
				   const volatile void *a, unsigned n,
				   weft__wk_val v);
struct weft__wk_thr *weft__wk_thr(int tid);
struct weft__wk_seen *weft__wk_seen(struct weft__wk_loc *l, int tid);
/* Thread tid read or wrote the store of index idx: its knowledge of the
 * location grows to it (with the epoch, for the threads it orders). */
void weft__wk_saw(struct weft__wk_loc *l, int tid, long idx);
/* The newest store index thread u had seen of l by its epoch clk, or -1. */
long weft__wk_seen_by(const struct weft__wk_seen *s, uint32_t clk);
/* The loads of this execution that read an older store (--stale-bound). */
long *weft__wk_stale_reads(void);
/* The next place among seq_cst stores and fences. */
long weft__wk_next_seq(void);
/* The join of every seq_cst fence so far, and its update. */
const struct weft__wk_clk *weft__wk_sc_view(void);
void weft__wk_sc_add(const struct weft__wk_clk *k);
/* Whether this execution read another thread's store with less than
 * seq_cst on both sides (weft__wk_took sets it). */
bool *weft__wk_weak_rf(void);
/* The join of the S-knowledge of every seq_cst fence so far. */
const struct weft__wk_clk **weft__wk_sc_fences(void);
/* A copy of k (NULL: zero) with entry i raised to v. */
struct weft__wk_clk *weft__wk_clk_with(const struct weft__wk_clk *k, int i,
				       uint32_t v);

static inline long weft__wk_index(const struct weft__wk_loc *l, int i)
{
	return l->nst - l->len + i;
}

#endif
