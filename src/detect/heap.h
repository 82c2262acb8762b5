/* src/detect/heap.h - the tracked heap's blocks, as the leak check
 * (leak.c) walks them, and the blocks allocated before main.  heap.c owns
 * the blocks; nothing else changes them. */
#ifndef WEFT_DETECT_HEAP_H
#define WEFT_DETECT_HEAP_H

#include "internal.h"

/* One allocated (or freed) block of the current execution.  A block the
 * program allocated before main has before_main set and atid -1: it is
 * part of the state the test started from, a root rather than a leak, and
 * never live under --leaks=all (it is not the test's allocation). */
struct weft__block_view {
	const char *p;
	size_t n;
	const char *what;
	const struct weft_loc *aloc;
	int atid;
	bool live;
	bool before_main;
};

/* Each execution starts with the blocks allocated before main only
 * (reset), ends with the checks of what it left (end_check); a block's
 * name for reports, NULL for an address outside the tracked heap. */
const char *weft__heap_name(const void *p);

size_t weft__heap_nblocks(void);
void weft__heap_block(size_t i, struct weft__block_view *out);
/* The index of the live or freed block containing p, or -1. */
long weft__heap_index(const void *p);

/* At the end of a test: report the live blocks nothing reachable points
 * to (a non-fatal "leak" finding; exploration goes on). */
void weft__leak_check(void);

/* ---- blocks allocated before main ------------------------------------
 *
 * Every execution starts from the program's state at main's entry, which
 * includes the blocks the program allocated before main (constructors, C++
 * static initialisers).  Its malloc and operator new (src/pthread/) put
 * them on the tracked heap too, outside any execution; the worker's
 * snapshot of that state (weft__globals_snapshot) saves their contents,
 * and every execution starts with each block live again and holding
 * them.  Inside an execution they are blocks like the others: a free
 * quarantines one (so a later access is use-after-free and a second free
 * a double free) without giving it back.  They are not the test's
 * allocations but its starting state, like the globals: not leaks
 * themselves, and no leak is looked for when none of the test's own
 * blocks is still live at its end. */

/* Whether main has not begun yet: the snapshot was not taken (always so in
 * the parent process, which runs no execution). */
bool weft__heap_before_main(void);
/* A block of n bytes for the call at return address pc, before main (NULL
 * when n is impossible); its free before main. */
void *weft__heap_alloc_before_main(size_t n, bool zero, const char *what,
				   uintptr_t pc);
void weft__heap_free_before_main(void *p, uintptr_t pc);
/* Main begins: save the live blocks' contents for every execution. */
void weft__heap_snapshot(void);

/* ---- the heap's own state (heap.c and heap_premain.c) -----------------
 *
 * Nothing but the heap's two files reads these, except the race
 * detector's test for freed memory below (weft__heap_bad). */
#define WEFT__HEAP_GRANULE 16
/* The most one execution may allocate: the shadow costs a quarter of what
 * is allocated in memory written, so a program that reserves tens of GiB
 * it never touches (as a real allocator lets it) would otherwise make
 * weft write gigabytes; past it the execution is inconclusive
 * (memory-limit). */
#define WEFT__HEAP_CAP ((size_t)1 << 32)      /* 4 GiB */
/* The region's address space: the cap, which no block crosses, and a
 * granule's gap past it.  (It was 64 GiB, and its shadow 16 GiB, before
 * the cap: address space an address-space limit or valgrind refused.) */
#define WEFT__HEAP_ARENA (WEFT__HEAP_CAP + ((size_t)1 << 16))
/* A size past what a machine weft runs on gives (32 GiB): the caller gets
 * NULL at once, as from a real allocator under the kernel's overcommit
 * heuristic, rather than an inconclusive execution. */
#define WEFT__HEAP_IMPOSSIBLE ((size_t)1 << 35)
#define WEFT__HEAP_MAX_BLOCKS ((size_t)1 << 22)

enum { WEFT__SH_NONE = 0, WEFT__SH_LIVE = 1, WEFT__SH_FREED = 2 };
/* A granule's shadow: its block's index << WEFT__SH_IDX, the bytes at the
 * end of the granule that are in no block (its slack, 0 to 16: a live
 * block's last granule, when the block's size is no multiple of 16; all
 * 16 in the granules before an over-aligned block's program part) << 2,
 * and its state.  Indices need 22 bits (WEFT__HEAP_MAX_BLOCKS). */
#define WEFT__SH_IDX 7
#define WEFT__SH_VAL(idx, slack, state)                                        \
	((uint32_t)(idx) << WEFT__SH_IDX | (uint32_t)(slack) << 2 | (state))
#define WEFT__SH_SLACK(v) (((v) >> 2) & 31u)

struct weft__hblock {
	char *p;
	size_t n;
	/* The program's part, for reports: all of it, or past the slack
	 * of an aligned allocation (weft__heap_trim). */
	size_t uoff, un;
	const char *what;
	const struct weft_loc *aloc, *floc;
	/* Call sites before main, as return addresses: symbolizing them
	 * there would start addr2line from a constructor, so the snapshot
	 * does it (into aloc and floc). */
	uintptr_t apc, fpc;
	int atid, ftid;
	uint8_t state;
	/* An atomic operation held the block's address in this execution
	 * when pub is weft__H->resets + 1 (heap_reuse.c). */
	long pub;
};

/* A stretch of the arena holding blocks live at main's entry, whose bytes
 * every execution starts with. */
struct weft__hspan {
	size_t off, len;
};

/* The blocks allocated before main: the first nblocks blocks, in the
 * first used bytes of the arena. */
struct weft__hpremain {
	bool taken;                /* the snapshot was taken: main began */
	size_t used, nblocks;
	struct weft__hspan *spans;
	size_t nspans;
	char *saved;               /* the spans' bytes at main's entry */
	size_t *revive;            /* the ones this execution freed */
	size_t nrevive;
};

struct weft__heap {
	char *arena;
	uint32_t *shadow;          /* per granule: WEFT__SH_VAL */
	size_t used, high;         /* bytes of arena handed out */
	struct weft__hblock *blocks;
	size_t nblocks, high_blocks;
	long resets;
	/* The size classes of this execution's freed blocks whose
	 * addresses atomics held (heap_reuse.c), one bit each. */
	uint64_t reuse_classes;
	struct weft__hpremain pre;
};
extern struct weft__heap *weft__H;

/* Whether the first or last byte of [p, p + n), on the tracked heap, is
 * outside every live block: in a freed block, or in no block at all (the
 * empty granule carve leaves between blocks, past the last block): the
 * one test weft__check_access makes before reporting.  Inline for the
 * race detector, which tests every access to the heap and names the
 * access's source location (weft__pc_loc) only for a report. */
static inline bool weft__heap_bad(const void *p, size_t n)
{
	const struct weft__heap *h = weft__H;
	size_t off = (size_t)((const char *)p - h->arena);
	size_t last = off + (n ? n - 1 : 0);
	uint32_t a = h->shadow[off / WEFT__HEAP_GRANULE];
	uint32_t b = h->shadow[last / WEFT__HEAP_GRANULE];

	/* Both ends live, and in one block: a block has no hole (an
	 * aligned block's slack in no block is at its end), so every byte
	 * between is live too.  Ends in two blocks: the range (a memcpy, a
	 * memset) runs through the empty granule between them.  The first
	 * and last bytes must also come before the slack of their granules
	 * (malloc(10)'s bytes 10 to 15; the head of an aligned block). */
	return (a & 3) != WEFT__SH_LIVE || (b & 3) != WEFT__SH_LIVE ||
	       (a ^ b) >> WEFT__SH_IDX ||
	       (off % WEFT__HEAP_GRANULE) + WEFT__SH_SLACK(a) >=
		       WEFT__HEAP_GRANULE ||
	       (last % WEFT__HEAP_GRANULE) + WEFT__SH_SLACK(b) >=
		       WEFT__HEAP_GRANULE;
}

/* Reserve the arena, its shadow and the block table (once). */
void weft__heap_init(void);
/* Mark the granules of [from, from + len) of the arena with v. */
void weft__heap_set_shadow(size_t from, size_t len, uint32_t v);
/* Mark the n bytes at arena offset off (a granule's start) live in block
 * idx: every granule they touch (one for n = 0), the last with its
 * slack. */
void weft__heap_mark_live(size_t off, size_t n, size_t idx);
/* A new block of n bytes, made at loc (or, before main, at return
 * address pc); NULL when n is impossible. */
void *weft__heap_carve(size_t n, bool zero, const char *what,
		       const struct weft_loc *loc, uintptr_t pc);
/* The block containing p, live or freed, or NULL. */
struct weft__hblock *weft__heap_block_of(const void *p);
/* At an execution's start: the blocks from before main it freed are live
 * again, and they all hold their contents at main's entry. */
void weft__heap_premain_restore(void);
/* For reports: who allocated or freed a block (a thread, or the program
 * before main), and where. */
const char *weft__heap_who(int tid);
/* A use of dead memory of a thread at p (weft__in_dead_stack: a finished
 * thread's stack or TLS, or main's frames after it returned) is a
 * use-after-free at loc, of size bytes (0: "an object"), drawn after the
 * thread's last step; returns when p is not dead. */
void weft__dead_stack_use_at(const void *p, bool write, unsigned size,
			     const struct weft_loc *loc);
const char *weft__heap_site(const struct weft_loc *l);
/* Reuse of a freed block's address (heap_reuse.c): block b is freed
 * (free_at); a new block of n bytes is made at loc (carve, only when
 * reuse_classes is not empty), which may say on the verdict that a real
 * allocator could have given it a freed block's address. */
void weft__heap_reuse_freed(const struct weft__hblock *b);
void weft__heap_reuse_alloc(size_t n, const struct weft_loc *loc);

/* Short names for the heap's own two files, which define WEFT__HEAP_OWN
 * before they include this header. */
#ifdef WEFT__HEAP_OWN
#define H weft__H
#define GRANULE WEFT__HEAP_GRANULE
#define ARENA_SIZE WEFT__HEAP_ARENA
#define MAX_BLOCKS WEFT__HEAP_MAX_BLOCKS
#define SH_NONE WEFT__SH_NONE
#define SH_LIVE WEFT__SH_LIVE
#define SH_FREED WEFT__SH_FREED
#define set_shadow weft__heap_set_shadow
#define mark_live weft__heap_mark_live
#define carve weft__heap_carve
#define block_of weft__heap_block_of
#endif

#endif
