/* src/detect/heap.c - the tracked heap: its blocks, double-free, leak
 * (heap_use.c checks the accesses: use-after-free, out-of-bounds).
 *
 * Blocks are carved from one reserved region with a bump pointer, so within
 * an execution no address is ever handed out twice: every freed block stays
 * in quarantine until the execution ends, and a late access is caught
 * instead of silently landing in a new object.  A shadow word per 16-byte
 * granule holds the block number and its state, so checking an access is
 * an index computation and a load.  Between executions the region is
 * rewound; its pages go back to the kernel every few thousand executions.
 *
 * The blocks the program allocates before main (constructors, C++ static
 * initialisers) are the region's first blocks, and it is rewound only to
 * their end: every execution starts from the state at main's entry, so at
 * its start they are live again, with their contents at main's entry (see
 * heap.h). */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define WEFT__HEAP_OWN /* its short names, heap.h */
#include "detect/heap.h"
#include "detect/race.h"

struct weft__heap *H;

void weft__heap_init(void)
{
	struct weft__heap *h = weft__persistent_alloc(sizeof *h);
	const int prot = PROT_READ | PROT_WRITE;
	const int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;

	h->arena = mmap(NULL, ARENA_SIZE, prot, flags, -1, 0);
	h->shadow = mmap(NULL,
			 ARENA_SIZE / GRANULE * sizeof(uint32_t),
			 prot, flags, -1, 0);
	h->blocks = mmap(NULL,
			 MAX_BLOCKS * sizeof(struct weft__hblock),
			 prot, flags, -1, 0);
	if (h->arena == MAP_FAILED || h->shadow == MAP_FAILED ||
	    h->blocks == MAP_FAILED)
		weft__die_reserve("the tracked heap", ARENA_SIZE);
	H = h;
	weft__heap_lo = weft__heap_hi = h->arena;
}

/* Give back the pages of [base + keep, base + high) that hold nothing
 * below base + keep; returns where they start (keep rounded up to a
 * page). */
/* Zero n bytes at p: a large range by giving its whole pages back to the
 * kernel (zero when next touched), so a big block the program hardly
 * touched costs no more than what it touched. */
static void clear(void *p, size_t n)
{
	char *lo = p, *hi = lo + n;
	char *plo = (char *)(((uintptr_t)lo + 4095) & ~(uintptr_t)4095);
	char *phi = (char *)((uintptr_t)hi & ~(uintptr_t)4095);

	if (n < ((size_t)1 << 20) || phi <= plo ||
	    madvise(plo, (size_t)(phi - plo), MADV_DONTNEED) != 0) {
		memset(p, 0, n);
		return;
	}
	memset(lo, 0, (size_t)(plo - lo));
	memset(phi, 0, (size_t)(hi - phi));
}

static size_t drop_pages(void *base, size_t keep, size_t high)
{
	keep = (keep + 4095) & ~(size_t)4095;
	if (high > keep)
		madvise((char *)base + keep, high - keep, MADV_DONTNEED);
	return keep;
}

void weft__heap_reset(void)
{
	struct weft__hpremain *P;

	if (!H)
		weft__heap_init();
	P = &H->pre;
	/* Only when the execution allocated: a memset of nothing is a masked
	 * store, and one to the shadow's page that was never touched (a test
	 * that allocates nothing) took a slow assist in every execution, a
	 * tenth of an empty test's time. */
	if (H->used > P->used)
		memset(H->shadow + P->used / GRANULE, 0,
		       (H->used - P->used) / GRANULE * sizeof(uint32_t));
	weft__heap_premain_restore();
	if (H->used > H->high)
		H->high = H->used;
	if (H->nblocks > H->high_blocks)
		H->high_blocks = H->nblocks;
	H->used = P->used;
	/* The blocks from before main, and the empty granule past them: an
	 * overrun of the last block is still an access to the heap. */
	H->shadow[H->used / GRANULE] = SH_NONE;
	weft__heap_hi = H->arena + H->used + GRANULE;
	H->nblocks = P->nblocks;
	H->reuse_classes = 0;
	/* The blocks from before main keep their pages; rewound bytes next
	 * to them are cleared at allocation (below high), as before. */
	if (++H->resets % 4096 == 0 && H->high > P->used + ((size_t)4 << 20)) {
		drop_pages(H->shadow, P->used / GRANULE * sizeof(uint32_t),
			   H->high / GRANULE * sizeof(uint32_t));
		drop_pages(H->blocks, P->nblocks * sizeof(struct weft__hblock),
			   H->high_blocks * sizeof(struct weft__hblock));
		H->high = drop_pages(H->arena, P->used, H->high);
		H->high_blocks = P->nblocks;
	}
}

const char *weft__heap_lo, *weft__heap_hi;

bool weft__is_tracked(const void *p)
{
	return weft__in_tracked_heap(p);
}

void set_shadow(size_t from, size_t len, uint32_t v)
{
	for (size_t g = from / GRANULE; g < (from + len + GRANULE - 1) / GRANULE;
	     g++)
		H->shadow[g] = v;
}

void mark_live(size_t off, size_t n, size_t idx)
{
	size_t end = off + n, g = (n ? end - 1 : off) / GRANULE;

	set_shadow(off, n ? n : 1, WEFT__SH_VAL(idx, 0, SH_LIVE));
	H->shadow[g] = WEFT__SH_VAL(idx, (g + 1) * GRANULE - end, SH_LIVE);
}

/* The arena offset off rounded up to a whole granule. */
static size_t granule_up(size_t off)
{
	return (off + GRANULE - 1) & ~(size_t)(GRANULE - 1);
}

/* A new block; its call site is loc, or return address pc before main. */
void *carve(size_t n, bool zero, const char *what,
		   const struct weft_loc *loc, uintptr_t pc)
{
	size_t off, len = n ? n : 1;
	struct weft__hblock *b;

	if (!H)
		weft__heap_init();
	/* One empty granule between blocks catches small overruns as
	 * accesses to unallocated memory. */
	off = H->used + GRANULE;
	/* An impossible size is an allocation failure (NULL), as from a real
	 * allocator; the checks are ordered so that nothing overflows. */
	if (len > WEFT__HEAP_IMPOSSIBLE)
		return NULL;
	if (off + len > WEFT__HEAP_CAP || H->nblocks >= MAX_BLOCKS) {
		if (weft__self() < 0)
			weft__die("the program allocated more than %zu blocks "
				  "or %zu MiB before main", (size_t)MAX_BLOCKS,
				  WEFT__HEAP_CAP >> 20);
		weft__limit("memory-limit", loc,
			    "the test allocated more than %zu blocks or %zu "
			    "MiB in one execution, weft's limit",
			    (size_t)MAX_BLOCKS, WEFT__HEAP_CAP >> 20);
	}
	H->used = granule_up(off + len);
	weft__heap_hi = H->arena + H->used + GRANULE;
	b = &H->blocks[H->nblocks];
	*b = (struct weft__hblock){ .p = H->arena + off, .n = n, .un = n,
			     .what = what ? what : "malloc", .aloc = loc,
			     .apc = pc, .atid = weft__self(), .ftid = -1,
			     .state = SH_LIVE };
	mark_live(off, n, H->nblocks);
	/* The empty granules either side are in no block: shadows are not
	 * cleared between executions, and one there may still name a block
	 * of an earlier one (an overrun read as live memory, or freed). */
	H->shadow[off / GRANULE - 1] = SH_NONE;
	H->shadow[H->used / GRANULE] = SH_NONE;
	H->nblocks++;
	if (H->reuse_classes)
		weft__heap_reuse_alloc(n, loc);
	/* Fresh pages are zero; rewound ones are not. */
	if (zero || off < H->high)
		clear(b->p, len);
	return b->p;
}

void *weft__malloc(size_t n, bool zero, const char *what,
		   const struct weft_loc *loc)
{
	return carve(n, zero, what, loc, 0);
}

void weft__heap_trim(void *base, const void *p, size_t n)
{
	struct weft__hblock *b = block_of(base);
	size_t from, to, end = (size_t)((const char *)p - H->arena) + n;

	if (!b || b->p != base)
		return;
	b->uoff = (size_t)((const char *)p - b->p);
	b->un = n;
	/* Past the program's part's granules (one, all slack, for a part
	 * of 0 bytes: free finds the block by its start, which may be p),
	 * the block's granules are in no block. */
	from = granule_up(n ? end : end + 1);
	to = (size_t)(b->p - H->arena) + (b->n ? b->n : 1);
	if (from < to)
		set_shadow(from, to - from, SH_NONE);
	/* The granules before the program's part (granules themselves:
	 * its alignment is at least a granule's) are all slack, in the
	 * block still, which free finds by its start. */
	for (size_t g = (size_t)(b->p - H->arena) / GRANULE;
	     g < (end - n) / GRANULE; g++)
		H->shadow[g] = WEFT__SH_VAL(b - H->blocks, GRANULE, SH_LIVE);
	/* The program's part ends with its slack, as any block does. */
	mark_live(end - n, n, (size_t)(b - H->blocks));
}

struct weft__hblock *block_of(const void *p)
{
	size_t g;
	uint32_t v;

	if (!weft__is_tracked(p))
		return NULL;
	g = (size_t)((const char *)p - H->arena) / GRANULE;
	v = H->shadow[g];
	if ((v & 3) == SH_NONE)
		return NULL;
	return &H->blocks[v >> WEFT__SH_IDX];
}

/* Frees p for a call at loc whose racing site is rsite (weft__race_free). */
static void free_at(void *p, const char *what, const struct weft_loc *loc,
		    uintptr_t rsite)
{
	struct weft__hblock *b;

	if (!p)
		return;
	b = block_of(p);
	if (!b || b->p != p)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of %p, which is not the start of a block weft "
			   "allocated", what ? what : "free", p);
	if (b->state == SH_FREED) {
		weft__fail_detail("allocated by %s at %s",
				  weft__heap_who(b->atid),
				  weft__heap_site(b->aloc));
		weft__fail_detail("first freed by %s at %s",
				  weft__heap_who(b->ftid),
				  weft__heap_site(b->floc));
		weft__fail(WEFT__K(DOUBLE_FREE), loc,
			   "%s of %s#%zu freed twice",
			   what ? what : "free", b->what,
			   (size_t)(b - H->blocks));
	}
	weft__race_free(b->p, b->n, rsite);
	/* A block from before main is live again in the next execution. */
	if ((size_t)(b - H->blocks) < H->pre.nblocks)
		H->pre.revive[H->pre.nrevive++] = (size_t)(b - H->blocks);
	b->state = SH_FREED;
	b->floc = loc;
	b->ftid = weft__self();
	if (b->pub)
		weft__heap_reuse_freed(b);
	set_shadow((size_t)(b->p - H->arena), b->n ? b->n : 1,
		   WEFT__SH_VAL(b - H->blocks, 0, SH_FREED));
}

/* At the end of a test every block must have been freed.  The blocks from
 * before main are the state the test started from, like the globals, not
 * its allocations: when none of the test's own is still live there is
 * nothing to report, and no scan of those every execution. */
void weft__heap_end_check(void)
{
	for (size_t i = H ? H->pre.nblocks : 0; H && i < H->nblocks; i++)
		if (H->blocks[i].state == SH_LIVE) {
			weft__leak_check();
			return;
		}
}

void *weft_malloc_at(size_t n, int zero, const char *what,
		     const struct weft_loc *loc)
{
	return weft__malloc(n, zero != 0, what ? what : "weft_malloc", loc);
}

/* Builds without the race detector (unit tests, the core-only sanitizer
 * build) get this no-op. */
__attribute__((weak)) void weft__race_free(const void *p, size_t n,
					   uintptr_t site)
{
	(void)p;
	(void)n;
	(void)site;
}

/* Without the race detector's symbols only the pthread layer's blocks
 * from before main have call sites to name, and such builds have none. */
__attribute__((weak)) const struct weft_loc *weft__pc_loc(uintptr_t pc)
{
	(void)pc;
	return NULL;
}

const void *weft__heap_block_start(const void *p)
{
	struct weft__hblock *b = block_of(p);
	return b ? b->p : NULL;
}

bool weft__heap_freed(const void *p)
{
	struct weft__hblock *b = block_of(p);

	return b && b->state != SH_LIVE;
}

const void *weft__heap_live_block(const void *p, size_t *n)
{
	struct weft__hblock *b = block_of(p);

	if (!b || b->state != SH_LIVE)
		return NULL;
	*n = b->n;
	return b->p;
}

void weft__free(void *p, const char *what, const struct weft_loc *loc)
{
	free_at(p, what, loc, weft__loc_pc(loc));
}

static void free_step(void *p, const char *what, const struct weft_loc *loc,
		      uintptr_t rsite)
{
	struct weft__hblock *b = p ? block_of(p) : NULL;

	/* A block one thread allocated and another frees was shared (a
	 * strdup handed to a detached thread that frees it: the verdict's
	 * note said no shared access was seen, a probe of the CLI). */
	if (b && b->atid >= 0 && b->atid != weft__self())
		weft__saw_shared();
	if (b)
		weft__point(what ? what : "free", b->p,
			    weft__internf("%s#%zu", b->what,
					  (size_t)(b - H->blocks)),
			    WEFT__ACC_WRITE, loc);
	free_at(p, what, loc, rsite);
}

void weft__free_step(void *p, const char *what, const struct weft_loc *loc)
{
	free_step(p, what, loc, weft__loc_pc(loc));
}

void weft__free_step_ra(void *p, const char *what, uintptr_t ra)
{
	free_step(p, what, weft__pc_loc(ra), ra);
}

/* The public free and access check are scheduling points on the block,
 * so the explorer can place a free between a thread's check and its use.
 * (The internal weft__free and weft__check_access, used on every
 * instrumented access, are not.) */
static const void *block_key(const void *p)
{
	struct weft__hblock *b = block_of(p);
	return b ? b->p : p;
}

void weft_free_at(void *p, const struct weft_loc *loc)
{
	weft__free_step(p, "weft_free", loc);
}

void weft_check_access_at(const void *p, size_t n, int write,
			  const struct weft_loc *loc)
{
	weft__point(write ? "write" : "read", block_key(p),
		    weft__objname(p, "block"),
		    write ? WEFT__ACC_WRITE : WEFT__ACC_READ, loc);
	weft__check_access(p, n, write != 0, loc);
}

