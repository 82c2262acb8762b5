/* src/detect/race.c - shadow memory and the FastTrack-style check of every
 * instrumented access.
 *
 * Shadow layout: a two-level table maps each 8-byte granule of the address
 * space to a 32-byte cell.  The first level covers 2^47 bytes in 4 MiB
 * chunks; a chunk's cells are reserved (MAP_NORESERVE) the first time it is
 * touched and the kernel supplies pages on demand.  Cells are never cleared
 * between executions: each carries the number of the execution (a
 * generation) that wrote it, and a cell from an older generation reads as
 * empty.  That keeps the start of an execution O(1) however much memory the
 * previous one touched.
 *
 * A cell records the last write (thread, clock, bytes, pc) and the last read
 * (the same), or, when threads read the granule concurrently, an index into
 * a per-execution table of full read clocks.  Accesses to the tracked heap
 * are also checked against freed blocks.  Byte masks keep accesses to
 * different bytes of a granule (two adjacent char flags) from racing. */
#include <string.h>
#include <sys/mman.h>

#include "detect/race.h"

#define L2_BITS 19                    /* granules per chunk */
#define L1_SHIFT (3 + L2_BITS)        /* bytes per chunk: 4 MiB */
#define L1_SIZE ((size_t)1 << (47 - L1_SHIFT))

#define TID_NONE 0xFF
#define TID_SHARED 0xFE               /* rtid: rclk indexes shares[] */
#define TID_ATOMIC 0x40               /* flag bit on a recorded tid */
#define TID_MASK 0x3F

struct cell {
	uint32_t gen;
	uint32_t wclk, rclk;
	uint8_t wtid, rtid, wmask, rmask;
	uintptr_t wpc, rpc;
};

/* Concurrent readers of one granule. */
struct share {
	uint32_t clk[WEFT__MAX_THREADS];  /* 0: no read by that thread */
	uintptr_t pc[WEFT__MAX_THREADS];
	uint8_t flags[WEFT__MAX_THREADS]; /* TID_ATOMIC when atomic */
	uint8_t mask[WEFT__MAX_THREADS];
};

/* State that survives executions: set up by a constructor, before the
 * core takes its snapshot of the program's data, so the pointers stay
 * valid whether or not weft's own statics are restored. */
struct persist {
	uint32_t gen;
	struct cell **l1;
};
static struct persist *P;

/* Per-execution state, reset by the begin hook. */
bool weft__race_on;
static uint32_t cur_gen;
static struct share **shares;
static uint32_t nshares, capshares;

static struct cell *chunk_new(uintptr_t a)
{
	size_t bytes = sizeof(struct cell) << L2_BITS;
	void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (m == MAP_FAILED)
		weft__die("cannot reserve race-detector shadow memory");
	P->l1[a >> L1_SHIFT] = m;
	return m;
}

static inline struct cell *cell_of(uintptr_t a)
{
	struct cell *chunk;

	if (__builtin_expect(a >> 47, 0))
		return NULL; /* not a user-space address: not tracked */
	chunk = P->l1[a >> L1_SHIFT];
	if (__builtin_expect(!chunk, 0))
		chunk = chunk_new(a);
	return &chunk[(a >> 3) & ((1u << L2_BITS) - 1)];
}

static struct share *share_new(uint32_t *idx)
{
	struct share *s = weft__exec_alloc(sizeof *s);

	if (nshares == capshares) {
		uint32_t cap = capshares ? capshares * 2 : 64;
		struct share **n = weft__exec_alloc(sizeof *n * cap);
		if (nshares)
			memcpy(n, shares, sizeof *n * nshares);
		shares = n;
		capshares = cap;
	}
	shares[nshares] = s;
	*idx = nshares++;
	return s;
}

/* An earlier access epoch (tid, clk) is ordered before the current thread
 * when clk < vc[tid]; see race.h for why the comparison is strict. */
static inline bool unordered(uint8_t tid, uint32_t clk, const uint32_t *vc)
{
	return clk >= vc[tid & TID_MASK];
}

static void report(uintptr_t a, uint8_t ptid, uint8_t pmask, uintptr_t ppc,
		   bool pwrite, unsigned flags, unsigned size, uintptr_t pc)
{
	unsigned pflags = pwrite ? WEFT__RACE_WRITE : 0;

	if (ptid & TID_ATOMIC)
		pflags |= WEFT__RACE_ATOMIC;
	weft__race_report((const void *)a, ptid & TID_MASK, pflags,
			  (unsigned)__builtin_popcount(pmask), ppc, flags, size,
			  pc);
}

/* Does the recorded access conflict with ours?  Two atomic accesses never
 * race; accesses to disjoint bytes of the granule do not either. */
static inline bool conflicts(uint8_t ptid, uint8_t pmask, uint8_t mask,
			     bool atomic)
{
	return (pmask & mask) && !(atomic && (ptid & TID_ATOMIC));
}

static void check_reads(struct cell *c, uintptr_t a, uint8_t mask,
			unsigned flags, unsigned size, uintptr_t pc, int t,
			const uint32_t *vc)
{
	bool atomic = flags & WEFT__RACE_ATOMIC;

	if (c->rtid == TID_SHARED) {
		struct share *s = shares[c->rclk];
		int n = weft__nthreads();
		for (int u = 0; u < n; u++) {
			if (u == t || !s->clk[u])
				continue;
			if (conflicts(s->flags[u] | (uint8_t)u, s->mask[u], mask,
				      atomic) &&
			    unordered((uint8_t)u, s->clk[u], vc))
				report(a, s->flags[u] | (uint8_t)u, s->mask[u],
				       s->pc[u], false, flags, size, pc);
		}
	} else if (c->rtid != TID_NONE && (c->rtid & TID_MASK) != t &&
		   conflicts(c->rtid, c->rmask, mask, atomic) &&
		   unordered(c->rtid, c->rclk, vc)) {
		report(a, c->rtid, c->rmask, c->rpc, false, flags, size, pc);
	}
}

static void on_write(struct cell *c, uintptr_t a, uint8_t mask,
		     unsigned flags, unsigned size, uintptr_t pc, int t,
		     const uint32_t *vc)
{
	uint32_t clk = vc[t];
	uint8_t me = (uint8_t)t | ((flags & WEFT__RACE_ATOMIC) ? TID_ATOMIC : 0);

	if (c->wtid == me && c->wclk == clk && c->rtid == TID_NONE) {
		c->wmask |= mask; /* same epoch: nothing new to check */
		return;
	}
	if (c->wtid != TID_NONE && (c->wtid & TID_MASK) != t &&
	    conflicts(c->wtid, c->wmask, mask, flags & WEFT__RACE_ATOMIC) &&
	    unordered(c->wtid, c->wclk, vc))
		report(a, c->wtid, c->wmask, c->wpc, true, flags, size, pc);
	if (c->rtid != TID_NONE)
		check_reads(c, a, mask, flags, size, pc, t, vc);
	c->wtid = me;
	c->wclk = clk;
	c->wmask = mask;
	c->wpc = pc;
	c->rtid = TID_NONE;
	c->rmask = 0;
}

static void on_read(struct cell *c, uintptr_t a, uint8_t mask,
		    unsigned flags, unsigned size, uintptr_t pc, int t,
		    const uint32_t *vc)
{
	uint32_t clk = vc[t];
	uint8_t me = (uint8_t)t | ((flags & WEFT__RACE_ATOMIC) ? TID_ATOMIC : 0);
	struct share *s;
	uint32_t idx;

	if (c->rtid == me && c->rclk == clk) {
		c->rmask |= mask;
		return;
	}
	if (c->wtid != TID_NONE && (c->wtid & TID_MASK) != t &&
	    conflicts(c->wtid, c->wmask, mask, flags & WEFT__RACE_ATOMIC) &&
	    unordered(c->wtid, c->wclk, vc))
		report(a, c->wtid, c->wmask, c->wpc, true, flags, size, pc);
	if (c->rtid == TID_SHARED) {
		s = shares[c->rclk];
	} else if (c->rtid == TID_NONE || (c->rtid & TID_MASK) == t ||
		   !unordered(c->rtid, c->rclk, vc)) {
		/* The previous read happens before this one: an epoch is
		 * enough (the common, cheap case). */
		c->rtid = me;
		c->rclk = clk;
		c->rmask = mask;
		c->rpc = pc;
		return;
	} else {
		/* Two concurrent readers: switch to a full read clock. */
		int u = c->rtid & TID_MASK;
		s = share_new(&idx);
		s->clk[u] = c->rclk;
		s->pc[u] = c->rpc;
		s->flags[u] = c->rtid & TID_ATOMIC;
		s->mask[u] = c->rmask;
		c->rtid = TID_SHARED;
		c->rclk = idx;
	}
	s->clk[t] = clk;
	s->pc[t] = pc;
	s->flags[t] = me & TID_ATOMIC;
	s->mask[t] = mask;
}

static void granule(uintptr_t a, uint8_t mask, unsigned flags, unsigned size,
		    uintptr_t pc, int t, const uint32_t *vc)
{
	struct cell *c = cell_of(a);

	if (!c)
		return;
	if (c->gen != cur_gen) {
		c->gen = cur_gen;
		c->wtid = c->rtid = TID_NONE;
		c->wmask = c->rmask = 0;
	}
	if (flags & WEFT__RACE_WRITE)
		on_write(c, a, mask, flags, size, pc, t, vc);
	else
		on_read(c, a, mask, flags, size, pc, t, vc);
}

void weft__race_access(const void *addr, size_t n, unsigned flags,
		       uintptr_t pc)
{
	uintptr_t a = (uintptr_t)addr, end;
	const uint32_t *vc;
	int t;

	if (!weft__race_on || n == 0)
		return;
	t = weft__self();
	if (t < 0)
		return;
	if (flags & WEFT__RACE_WRITE)
		weft__note_progress();
	if (__builtin_expect(weft__race_site_hot(pc), 0))
		weft__race_point(addr, flags & WEFT__RACE_WRITE, pc);
	/* Heap memory: the tracked heap reports an access to a freed block
	 * (use-after-free) and ends the execution. */
	if (weft__is_tracked(addr))
		weft__check_access(addr, n, flags & WEFT__RACE_WRITE,
				   weft__pc_loc(pc));
	vc = weft__vc(t);
	end = a + n;
	while (a < end) {
		uintptr_t g = a & ~(uintptr_t)7;
		uintptr_t hi = g + 8 < end ? g + 8 : end;
		uint8_t mask = (uint8_t)(((1u << (hi - a)) - 1) << (a - g));
		granule(a, mask, flags, (unsigned)n, pc, t, vc); /* a: the first byte accessed, for the report */
		a = hi;
	}
}

/* ---- per-execution set-up --------------------------------------------- */

static void race_begin(void)
{
	P->gen++;
	cur_gen = P->gen;
	shares = NULL;
	nshares = capshares = 0;
	weft__race_on = true;
}

static void race_end(void)
{
	weft__race_on = false;
}

static struct weft__hooks hooks = { race_begin, race_end, NULL };

__attribute__((constructor)) static void race_init(void)
{
	P = weft__persistent_alloc(sizeof *P);
	P->l1 = mmap(NULL, L1_SIZE * sizeof(struct cell *),
		     PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (P->l1 == MAP_FAILED)
		weft__die("cannot reserve race-detector shadow tables");
	weft__register_hooks(&hooks);
}

void weft__race_free(const void *p, size_t n, const struct weft_loc *loc)
{
	if (!weft__race_on || weft__self() < 0)
		return;
	weft__race_access(p, n ? n : 1, WEFT__RACE_WRITE | WEFT__RACE_FREE,
			  weft__loc_pc(loc));
}
