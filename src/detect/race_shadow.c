/* src/detect/race_shadow.c - shadow memory: what the race detector
 * remembers about every 8-byte granule, and the FastTrack check of one
 * access against it: here the tables and the common case, where the
 * thread's own records already cover the access; race_check.c checks the
 * whole cell otherwise.  The records' format is in race.h.
 *
 * Layout: a two-level table maps each granule of the address space to a
 * 64-byte cell (one cache line).  The first level covers 2^47 bytes in
 * 4 MiB chunks; a chunk's cells are reserved (MAP_NORESERVE) the first time
 * it is touched and the kernel supplies pages on demand.  Cells are never
 * cleared between executions: each carries the number of the execution (a
 * generation) that wrote it, and a cell from an older generation reads as
 * empty, which keeps the start of an execution O(1).
 *
 * A cell holds up to five access records; more spill into per-execution
 * extension blocks chained from the last slot.  A record is an epoch
 * (thread, clock), a kind (read or write, plain or atomic), a site and a
 * byte mask: the bytes of the granule for which it is still the latest
 * access of its kind.  So every byte's state is exact, as if it had a
 * FastTrack cell of its own: accesses to disjoint bytes neither race with
 * nor erase each other (a write to s.b leaves the record of an earlier read
 * of s.a alone), overlapping ones are checked whatever their sizes, and
 * concurrent readers are simply several read records.  The common case
 * costs one cache line: a thread going over its own data again within an
 * epoch finds records covering the access and stops there.
 *
 * A new access takes its bytes away from the records it makes redundant
 * (FastTrack's epoch replacement, per byte): those of an ordered epoch, or
 * racing ones just reported, provided every later access that would race
 * with the old record races with the new one too.  So an atomic access
 * never replaces a plain one, and a read never replaces a write. */
#include <sys/mman.h>

#define WEFT__SHADOW_OWN /* its short names, race.h */
#include "detect/race.h"

#define L2_BITS 19                    /* granules per chunk */
#define L1_SHIFT (3 + L2_BITS)        /* bytes per chunk: 4 MiB */
#define L1_SIZE ((size_t)1 << (47 - L1_SHIFT))

/* State that survives executions: set up by a constructor, before the
 * core takes its snapshot of the program's data. */
struct persist {
	uint32_t gen;
	struct cell **l1;
};
static struct persist *P;

/* Per-execution state, reset by weft__shadow_begin (with race_check.c's
 * extension blocks). */
static uint32_t cur_gen;

_Static_assert(sizeof(struct slot) == 12, "a record is 12 bytes");
_Static_assert(sizeof(struct cell) == 64, "a cell is one cache line");

/* ---- the tables ----------------------------------------------------------- */

static __attribute__((noinline)) struct cell *chunk_new(uintptr_t a)
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

/* ---- records -------------------------------------------------------------- */

/* User-space addresses fit in 47 bits; a tagged source location (a free)
 * keeps its tag in bit 47. */
static inline uint64_t pc_pack(uintptr_t pc)
{
	return (pc & WEFT__PC_LOC_TAG) ? ((pc & K_PC_MASK) | PC_LOC_BIT)
				       : (pc & K_PC_MASK);
}

/* The record's clk for an access of thread tid in epoch clk. */
static inline uint32_t sclk_of(int tid, uint32_t clk)
{
	return clk | (uint32_t)(tid >> 6) << CLK_BITS;
}

/* ---- the check ------------------------------------------------------------ */

static inline struct own own_of(const struct access *a)
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
 * case of a thread going over its own data again, so the inline slots are
 * scanned first, without following links.  (Empty slots and links cover
 * no byte.) */
static inline bool covered(struct cell *c, struct own o)
{
	uint8_t cov = 0;

	for (int i = 0; i < NSLOT; i++)
		if (covers_own(c->s[i].key, c->s[i].clk, o, &cov))
			return true;
	if (__builtin_expect(!is_link(c->s[NSLOT - 1].key), 1))
		return false;
	return covered_ext(c, o, cov);
}

static inline __attribute__((always_inline)) void
granule(struct access *a, uintptr_t addr, uint8_t mask)
{
	struct cell *c = cell_of(addr);

	if (!c)
		return;
	a->key = a->who | ((uint64_t)mask << K_MASK_SHIFT);
	a->mask = mask;
	a->addr = addr;
	if (__builtin_expect(c->gen != cur_gen, 0))
		/* The first access in this execution: nothing to check.
		 * One assignment of the whole cell, stored inline. */
		*c = (struct cell){ .gen = cur_gen,
				    .s[0] = { a->key, a->sclk } };
	else if (!covered(c, own_of(a)))
		check(c, a);
}

/* An access that spans granules (unaligned, or a range). */
static __attribute__((noinline)) void granules(struct access *a,
					       uintptr_t addr, uintptr_t end)
{
	while (addr < end) {
		uintptr_t g = addr & ~(uintptr_t)7;
		uintptr_t hi = end - g < 8 ? end : g + 8;
		granule(a, addr,
			(uint8_t)(((1u << (hi - addr)) - 1) << (addr - g)));
		addr = hi;
	}
}

void weft__shadow_access(uintptr_t addr, size_t n,
			 const struct weft__race_acc *acc)
{
	struct access a;

	a.who = pc_pack(acc->pc) |
		((uint64_t)(acc->tid & 0x3F) << K_TID_SHIFT) |
		((acc->flags & WEFT__RACE_WRITE) ? K_WRITE : 0) |
		((acc->flags & WEFT__RACE_ATOMIC) ? K_ATOMIC : 0);
	a.acc = acc;
	a.sclk = sclk_of(acc->tid, acc->clk);
	if (__builtin_expect((addr & 7) + n <= 8, 1))
		granule(&a, addr, (uint8_t)(((1u << n) - 1) << (addr & 7)));
	else
		granules(&a, addr, addr + n);
}

/* ---- set-up --------------------------------------------------------------- */

void weft__shadow_begin(void)
{
	P->gen++;
	cur_gen = P->gen;
	exts = NULL;
	nexts = capexts = 0;
}

__attribute__((constructor)) static void shadow_init(void)
{
	P = weft__persistent_alloc(sizeof *P);
	P->l1 = mmap(NULL, L1_SIZE * sizeof(struct cell *),
		     PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (P->l1 == MAP_FAILED)
		weft__die("cannot reserve race-detector shadow tables");
}
