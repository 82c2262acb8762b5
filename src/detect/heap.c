/* src/detect/heap.c - the tracked heap: use-after-free, double-free, leak.
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
	H->used = (off + len + GRANULE - 1) & ~(size_t)(GRANULE - 1);
	weft__heap_hi = H->arena + H->used + GRANULE;
	b = &H->blocks[H->nblocks];
	*b = (struct weft__hblock){ .p = H->arena + off, .n = n,
			     .what = what ? what : "malloc", .aloc = loc,
			     .apc = pc, .atid = weft__self(), .ftid = -1,
			     .state = SH_LIVE };
	set_shadow(off, len, (uint32_t)(H->nblocks << 2) | SH_LIVE);
	/* The empty granules either side are in no block: shadows are not
	 * cleared between executions, and one there may still name a block
	 * of an earlier one (an overrun read as live memory, or freed). */
	H->shadow[off / GRANULE - 1] = SH_NONE;
	H->shadow[H->used / GRANULE] = SH_NONE;
	H->nblocks++;
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

static unsigned heap_state(const void *p)
{
	return H->shadow[(size_t)((const char *)p - H->arena) / GRANULE] & 3;
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
	return &H->blocks[v >> 2];
}

/* Who allocated or freed a block: a thread, or the program before main. */
static const char *who(int tid)
{
	return tid < 0 ? "the program before main" : weft__thread_name(tid);
}

static const char *site(const struct weft_loc *l)
{
	if (!l || !l->file)
		return "an unknown place";
	if (!l->line && l->func) /* "exit, in the destructor of config" */
		return weft__internf("%s, in %s", l->file, l->func);
	return weft__internf("%s:%d%s%s", l->file, l->line,
			     l->func ? " in " : "", l->func ? l->func : "");
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
				  who(b->atid), site(b->aloc));
		weft__fail_detail("first freed by %s at %s",
				  who(b->ftid), site(b->floc));
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
	set_shadow((size_t)(b->p - H->arena), b->n ? b->n : 1,
		   (uint32_t)((b - H->blocks) << 2) | SH_FREED);
}

/* An object of a model (a completion, a lock, a wait queue) on the stack
 * of a thread that finished: the on-stack completion a late complete()
 * writes into.  Checked before the model reads the object, which the
 * stack's next use may have overwritten (a lock's name became a wild
 * pointer, and weft crashed in strlen). */
static __attribute__((noinline, cold)) void
dead_stack_use(const void *p, bool write, const struct weft_loc *loc)
{
	const char *owner;
	bool tls;

	if (!weft__in_dead_stack(p, &owner, &tls))
		return;
	weft__fail(WEFT__K(USE_AFTER_FREE), loc,
		   "%s of an object in the %s of thread %s, which has "
		   "finished: a pointer to its %s outlived it",
		   write ? "write" : "read",
		   tls ? "thread-local storage" : "stack", owner,
		   tls ? "_Thread_local variables" : "local variables");
}

/* The report of a use of freed memory, apart from the test every model
 * makes at every step, so that the test stays small enough to inline. */
static __attribute__((noinline, cold)) void
freed_use(const void *p, size_t n, bool write, const struct weft_loc *loc)
{
	struct weft__hblock *b = block_of(p);

	if (!b || b->state != SH_FREED)
		b = block_of((const char *)p + n - 1);
	weft__fail_detail("the %zu-byte block was allocated by %s at %s",
			  b->n, who(b->atid), site(b->aloc));
	weft__fail_detail("and freed by %s at %s", who(b->ftid),
			  site(b->floc));
	weft__fail(WEFT__K(USE_AFTER_FREE), loc,
		   "%s of %zu byte%s at offset %td of %s#%zu, freed memory",
		   write ? "write" : "read", n, n == 1 ? "" : "s",
		   (const char *)p - b->p, b->what, (size_t)(b - H->blocks));
}

/* The live or freed block nearest to the granule g, looking no further
 * than a few granules either way (the empty granule between blocks is
 * one), or NULL; *below is whether it lies below g. */
static struct weft__hblock *near_block(size_t g, bool *below)
{
	size_t ng = H->used / GRANULE + 1;

	for (size_t d = 1; d <= 4; d++) {
		if (g >= d && (H->shadow[g - d] & 3) != SH_NONE) {
			*below = true;
			return &H->blocks[H->shadow[g - d] >> 2];
		}
		if (g + d < ng && (H->shadow[g + d] & 3) != SH_NONE) {
			*below = false;
			return &H->blocks[H->shadow[g + d] >> 2];
		}
	}
	return NULL;
}

/* The report of an access to heap memory in no block: past the end of
 * the block below it or before the start of the one above (the empty
 * granule between blocks), or anywhere else in the arena. */
static __attribute__((noinline, cold)) void
oob_use(const void *p, size_t n, bool write, const struct weft_loc *loc)
{
	const char *a = p;
	size_t off = (size_t)(a - H->arena), g = off / GRANULE;
	bool below = false;
	struct weft__hblock *b;

	if ((H->shadow[g] & 3) != SH_NONE)
		g = (off + n - 1) / GRANULE;
	b = near_block(g, &below);
	if (!b)
		weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
			   "%s of %zu byte%s at %p, heap memory in no "
			   "allocated block", write ? "write" : "read", n,
			   n == 1 ? "" : "s", p);
	weft__fail_detail("the %zu-byte block was allocated by %s at %s%s",
			  b->n, who(b->atid), site(b->aloc),
			  b->state == SH_FREED ? ", and is freed" : "");
	if (below)
		weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
			   "%s of %zu byte%s at offset %td of %s#%zu, %td "
			   "byte%s past the end of its %zu bytes",
			   write ? "write" : "read", n, n == 1 ? "" : "s",
			   a - b->p, b->what, (size_t)(b - H->blocks),
			   a - (b->p + b->n), a - (b->p + b->n) == 1 ? "" : "s",
			   b->n);
	weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
		   "%s of %zu byte%s at offset %td of %s#%zu, before its start",
		   write ? "write" : "read", n, n == 1 ? "" : "s", a - b->p,
		   b->what, (size_t)(b - H->blocks));
}

void weft__check_access(const void *p, size_t n, bool write,
			const struct weft_loc *loc)
{
	if (!weft__is_tracked(p)) {
		/* The span test inline: models check their objects at
		 * every step, and nearly none is near a finished stack. */
		if ((const char *)p >= weft__dead_lo &&
		    (const char *)p < weft__dead_hi)
			dead_stack_use(p, write, loc);
		return;
	}
	if (!weft__heap_bad(p, n))
		return;
	if (heap_state(p) == SH_FREED ||
	    heap_state((const char *)p + (n ? n - 1 : 0)) == SH_FREED)
		freed_use(p, n, write, loc);
	oob_use(p, n, write, loc);
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

