/* src/detect/shadow.h - the shadow memory's own records: their format,
 * and the tables' and records' helpers, private to the three files of the
 * shadow memory (race_shadow.c the tables and the general check's entry,
 * race_plain.c the plain accesses' fast path, race_check.c the full check
 * of a cell and its extension blocks).  What the shadow memory offers the
 * rest of the detector is in race.h.  The short names (cur_gen, covers,
 * cell_of, ...) are defined here for those files alone. */
#ifndef WEFT_DETECT_SHADOW_H
#define WEFT_DETECT_SHADOW_H

#include "detect/race.h"

#define NSLOT 5                       /* records in a cell's tail */

/* A record's key packs who and where: the site (48 bits, see pc_pack),
 * the byte mask, the low 6 bits of the thread and the kind.  0 is an
 * empty slot; a key with an empty mask links to an extension block (its
 * clk is the index).  A record's clk holds the access's epoch in its low
 * CLK_BITS and the thread's high bits above them: an epoch never reaches
 * 2^30, since a thread's clock advances once per step and an execution
 * has at most 10^7 steps (--max-steps). */
#define K_MASK_SHIFT 48
#define K_TID_SHIFT 56
#define K_WRITE ((uint64_t)1 << 62)
#define K_ATOMIC ((uint64_t)1 << 63)
#define K_PC_MASK (((uint64_t)1 << 48) - 1)
#define K_BYTES ((uint64_t)0xFF << K_MASK_SHIFT)
#define K_TID ((uint64_t)0x3F << K_TID_SHIFT)
#define CLK_BITS 30
#define CLK_MASK (((uint32_t)1 << CLK_BITS) - 1)
#define K_LINK ((uint64_t)1)
#define PC_LOC_BIT ((uint64_t)1 << 47) /* a tagged source location */

struct __attribute__((packed, aligned(4))) slot {
	uint64_t key;
	uint32_t clk;
};

/* A granule's cell is a head and a tail (race_shadow.c).  The head holds
 * the number of the execution (the generation) that wrote it and the
 * first record, in 16 bytes, four to a cache line: data that needs one
 * record per granule (a thread's own, the common case) costs a quarter of
 * a line.  The tail, a line of its own, holds the next records; they
 * count only while its gen is the current one, which it never is unless
 * the head's is too (a tail is written only below a current head).
 *
 * The head's gen also says whether its tail was written in its
 * generation (TAILED): a cell whose records fit in its head never reads
 * its tail.  A read of a never-written page costs a page on some
 * kernels (this machine's: a read-only walk of a fresh 256 MiB mapping
 * took 263 MB), and the tails are four times the heads: a program's
 * 64 MiB written and then freed took 740 MB, 216 MB without the free,
 * whose check read every tail. */
struct head {
	uint32_t gen;                  /* the generation, | TAILED */
	struct slot s;
};

#define TAILED 0x80000000u             /* generations stay below it */

struct tail {
	struct slot s[NSLOT];
	uint32_t gen;
};

struct cell {
	struct head *h;
	struct tail *t;
};

/* One access as the check of one granule sees it. */
struct access {
	uint64_t who;                 /* the record's key without the mask */
	uint64_t key;                 /* the record this access makes */
	uint32_t sclk;                /* and its clk (see sclk_of) */
	uint8_t mask;
	const struct weft__race_acc *acc;
	uintptr_t addr;
};

/* The records that can stand for an access without checking it again:
 * the same thread's, from the same epoch, and covering it (see covers in
 * race_check.c): exactly those whose key agrees with want on the bits in
 * care.  Kept in registers for the scan of covered (race_shadow.c). */
struct own {
	uint64_t want, care;
	uint32_t clk;
	uint8_t mask;
};

#define cur_gen weft__shadow_gen
#define head_cur weft__shadow_head_cur
#define tail_cur weft__shadow_tail_cur
#define tail_begun weft__shadow_tail_begun
#define tid_of weft__shadow_tid_of
#define covers weft__shadow_covers
#define tail_empty weft__shadow_tail_empty
#define dead_span weft__shadow_dead_span
#define bytes_of weft__shadow_bytes_of
#define is_link weft__shadow_is_link
#define covers_own weft__shadow_covers_own
#define covered_ext weft__shadow_covered_ext
#define check weft__shadow_check
#define exts weft__shadow_exts
#define nexts weft__shadow_nexts
#define capexts weft__shadow_capexts

/* The bytes of the granule a record's key claims. */
static inline uint8_t weft__shadow_bytes_of(uint64_t key)
{
	return (uint8_t)(key >> K_MASK_SHIFT);
}

/* A key that links to an extension block (an empty mask, but not 0). */
static inline bool weft__shadow_is_link(uint64_t key)
{
	return key && !bytes_of(key);
}

/* Adds the bytes record (k, kclk) covers to *cov; true once they are all
 * the bytes of the access. */
static inline bool weft__shadow_covers_own(uint64_t k, uint32_t kclk,
					   struct own o, uint8_t *cov)
{
	if (kclk != o.clk || ((k ^ o.want) & o.care))
		return false;
	*cov |= bytes_of(k);
	return !(o.mask & ~*cov);
}

/* The thread a record's key and clk name. */
static inline int weft__shadow_tid_of(uint64_t key, uint32_t sclk)
{
	return (int)((key >> K_TID_SHIFT) & 0x3F) | (int)(sclk >> CLK_BITS) << 6;
}

/* Would a later access racing with old also race with new?  Then new can
 * stand for old: it writes if old wrote, and is plain if old was. */
static inline bool weft__shadow_covers(uint64_t nw, uint64_t old)
{
	return (!(old & K_WRITE) || (nw & K_WRITE)) &&
	       (!(nw & K_ATOMIC) || (old & K_ATOMIC));
}

/* A current tail whose slots are all empty (a thread's read and write
 * of a granule take two records, and its next write empties both) holds
 * nothing to check, nor a link: the walk skips it, five slots of the
 * check's loop, and a new record takes its first slot. */
static inline bool weft__shadow_tail_empty(const struct tail *t)
{
	uint64_t k = 0;

	for (int i = 0; i < NSLOT; i++)
		k |= t->s[i].key;
	return !k;
}

/* The current generation (race_shadow.c), set by weft__shadow_begin. */
extern WEFT__HIDDEN uint32_t weft__shadow_gen;
/* The extension blocks of this execution (race_check.c), reset by
 * weft__shadow_begin: a link's clk indexes exts. */
extern WEFT__HIDDEN struct ext **weft__shadow_exts;
extern WEFT__HIDDEN uint32_t weft__shadow_nexts, weft__shadow_capexts;
/* Whether records of the access's thread and epoch cover it, looking
 * through the whole chain of the cell, extension blocks included. */
WEFT__HIDDEN bool weft__shadow_covered_ext(struct cell c, struct own o,
					   uint8_t cov);
/* Check the access against every record of the cell, reporting races,
 * then record it. */
WEFT__HIDDEN void weft__shadow_check(struct cell c, const struct access *a);
/* A use-after-free report when addr is in the stack of a thread that
 * finished (also for a cell's first access in an execution, which the
 * check above never sees).  Called only where dead_span holds. */
WEFT__HIDDEN void weft__dead_stack_check(uintptr_t addr, bool write,
					 unsigned size, uintptr_t pc);
/* Whether addr may lie in a finished thread's stack (the span of those
 * stacks; empty while no thread has finished): inline, so an access
 * outside it costs two compares, not a call. */
static inline bool weft__shadow_dead_span(uintptr_t addr)
{
	return __builtin_expect((const char *)addr >= weft__dead_lo &&
					(const char *)addr < weft__dead_hi,
				0);
}

/* ---- the tables and records' helpers (race_shadow.c keeps the tables;
 * race_plain.c, the plain accesses' fast path, reads them too) ---------- */

#define L2_BITS 19                    /* granules per chunk */
#define L1_SHIFT (3 + L2_BITS)        /* bytes per chunk: 4 MiB */
#define HEADS_BYTES (sizeof(struct head) << L2_BITS)

#define l1 weft__shadow_l1
#define chunk_new weft__shadow_chunk_new
#define cell_in weft__shadow_cell_in
#define cell_of weft__shadow_cell_of
#define pc_pack weft__shadow_pc_pack
#define sclk_of weft__shadow_sclk_of
#define own_of weft__shadow_own_of
#define covered_in weft__shadow_covered_in
#define covered_here weft__shadow_covered_here
#define fresh weft__shadow_fresh

/* The first level of the table (race_shadow.c): a chunk's heads, then its
 * tails, or NULL for a chunk never touched; weft__shadow_chunk_new
 * reserves the chunk of address a. */
extern WEFT__HIDDEN char **weft__shadow_l1;
WEFT__HIDDEN char *weft__shadow_chunk_new(uintptr_t a);

/* Whether the head is of the current generation. */
static inline bool weft__shadow_head_cur(struct cell c)
{
	return (c.h->gen & ~TAILED) == weft__shadow_gen;
}

/* Whether the cell's tail holds records of this generation (its head's
 * must be current already): its page is read only if it was written. */
static inline bool weft__shadow_tail_cur(struct cell c)
{
	return (c.h->gen & TAILED) && c.t->gen == weft__shadow_gen;
}

/* A tail about to be written in this generation: its head says so. */
static inline void weft__shadow_tail_begun(struct cell c)
{
	c.h->gen |= TAILED;
}

/* The cell of the granule at a (user-space: below 2^47) in its chunk. */
static inline struct cell weft__shadow_cell_in(char *chunk, uintptr_t a)
{
	size_t i = (a >> 3) & ((1u << L2_BITS) - 1);

	return (struct cell){ (struct head *)chunk + i,
			      (struct tail *)(chunk + HEADS_BYTES) + i };
}

static inline struct cell weft__shadow_cell_of(uintptr_t a)
{
	char *chunk;

	if (__builtin_expect(a >> 47, 0))
		return (struct cell){ NULL, NULL }; /* not user space */
	chunk = l1[a >> L1_SHIFT];
	if (__builtin_expect(!chunk, 0))
		chunk = chunk_new(a);
	return cell_in(chunk, a);
}

/* User-space addresses fit in 47 bits; a tagged source location (a free)
 * keeps its tag in bit 47. */
static inline uint64_t weft__shadow_pc_pack(uintptr_t pc)
{
	return (pc & WEFT__PC_LOC_TAG) ? ((pc & K_PC_MASK) | PC_LOC_BIT)
				       : (pc & K_PC_MASK);
}

/* The record's clk for an access of thread tid in epoch clk. */
static inline uint32_t weft__shadow_sclk_of(int tid, uint32_t clk)
{
	return clk | (uint32_t)(tid >> 6) << CLK_BITS;
}

static inline struct own weft__shadow_own_of(const struct access *a)
{
	bool w = a->who & K_WRITE, at = a->who & K_ATOMIC;

	return (struct own){
		.want = (a->who & K_TID) | (w ? K_WRITE : 0),
		.care = K_TID | (w ? K_WRITE : 0) | (at ? 0 : K_ATOMIC),
		.clk = a->sclk,
		.mask = a->mask,
	};
}

/* True when records of this thread from this epoch already cover every
 * byte of the access: they were checked then, and no other thread has run
 * since, so there is nothing new to check or record.  This is the common
 * case of a thread going over its own data again, so the head and then
 * the tail are scanned first, without following links.  (Empty slots and
 * links cover no byte.) */
static inline bool weft__shadow_covered_in(struct cell c, struct own o, uint8_t *cov)
{
	if (covers_own(c.h->s.key, c.h->s.clk, o, cov))
		return true;
	if (!tail_cur(c))
		return false;
	for (int i = 0; i < NSLOT; i++)
		if (covers_own(c.t->s[i].key, c.t->s[i].clk, o, cov))
			return true;
	return false;
}

/* The same without the extension blocks, or a call (see
 * plain): false may still be covered. */
static inline bool weft__shadow_covered_here(struct cell c, struct own o)
{
	uint8_t cov = 0;

	return covered_in(c, o, &cov);
}

/* The first access to the cell in this execution: nothing to check, one
 * assignment of the whole head. */
static inline void weft__shadow_fresh(struct cell c, uint64_t key, uint32_t sclk)
{
	*c.h = (struct head){ .gen = cur_gen, .s = { key, sclk } };
}

#endif
