/* src/detect/race_shadow.c - shadow memory: what the race detector
 * remembers about every 8-byte granule, and the FastTrack check of one
 * access against it: here the tables and the general entry
 * (weft__shadow_access), whose common case is that the thread's own
 * records already cover the access; race_plain.c has the program's
 * ordinary loads and stores, race_check.c checks the whole cell
 * otherwise.  The records' format is in shadow.h.
 *
 * Layout: a two-level table maps each granule of the address space to a
 * cell: a 16-byte head (a generation and the first record), four to a
 * cache line, and a 64-byte tail (five more records and its own
 * generation), one line, in a separate array, read only when the head's
 * record does not settle the access.  The first level covers 2^47 bytes in
 * 4 MiB chunks; a chunk's heads and tails are reserved (MAP_NORESERVE) the
 * first time it is touched and the kernel supplies pages on demand.  Cells
 * are never cleared between executions: a head and a tail each carry the
 * number of the execution (a generation) that wrote them, and one from an
 * older generation reads as empty, which keeps the start of an execution
 * O(1).  A head from an older generation is rewritten whole at its first
 * access, which leaves its tail behind it (shadow.h).
 *
 * A cell holds up to six access records; more spill into per-execution
 * extension blocks chained from the tail's last slot.  A record is an epoch
 * (thread, clock), a kind (read or write, plain or atomic), a site and a
 * byte mask: the bytes of the granule for which it is still the latest
 * access of its kind.  So every byte's state is exact, as if it had a
 * FastTrack cell of its own: accesses to disjoint bytes neither race with
 * nor erase each other (a write to s.b leaves the record of an earlier read
 * of s.a alone), overlapping ones are checked whatever their sizes, and
 * concurrent readers are simply several read records.  The common case
 * costs a head: a thread going over its own data again within an epoch
 * finds its record covering the access and stops there, and its first
 * access in an execution writes the head.  Reading the cell is a large
 * part of an access's cost when the shadow is not in the cache (a full
 * restore of the program's data copies megabytes before every
 * execution): with a 64-byte cell per granule it was about 6 of the 18 ns
 * an access of bench/pthread_accesses took (measured by returning just
 * before reading the cell).
 *
 * A new access takes its bytes away from the records it makes redundant
 * (FastTrack's epoch replacement, per byte): those of an ordered epoch, or
 * racing ones just reported, provided every later access that would race
 * with the old record races with the new one too.  So an atomic access
 * never replaces a plain one, and a read never replaces a write. */
#include <sys/mman.h>

#include "detect/shadow.h" /* the records and their short names */
#include "detect/heap.h"

#define L1_SIZE ((size_t)1 << (47 - L1_SHIFT))

/* State that survives executions: set up by a constructor, before the
 * core takes its snapshot of the program's data.  The first level of the
 * table; a chunk is its heads, then its tails. */
struct persist {
	uint32_t gen;
};
static struct persist *P;
char **weft__shadow_l1;

#define CHUNK_BYTES ((sizeof(struct head) + sizeof(struct tail)) << L2_BITS)

/* Per-execution state, reset by weft__shadow_begin (with race_check.c's
 * extension blocks). */
uint32_t weft__shadow_gen;

_Static_assert(sizeof(struct slot) == 12, "a record is 12 bytes");
_Static_assert(sizeof(struct head) == 16, "four heads to a cache line");
_Static_assert(sizeof(struct tail) == 64, "a tail is one cache line");

/* ---- the tables ----------------------------------------------------------- */

__attribute__((noinline)) char *weft__shadow_chunk_new(uintptr_t a)
{
	void *m = mmap(NULL, CHUNK_BYTES, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (m == MAP_FAILED)
		weft__die_reserve("the race detector's shadow memory",
				  CHUNK_BYTES);
	l1[a >> L1_SHIFT] = m;
	return m;
}

/* ---- records -------------------------------------------------------------- */

/* ---- the check ------------------------------------------------------------ */

static inline bool covered(struct cell c, struct own o)
{
	uint8_t cov = 0;

	if (covered_in(c, o, &cov))
		return true;
	if (__builtin_expect(!tail_cur(c) || !is_link(c.t->s[NSLOT - 1].key),
			     1))
		return false;
	return covered_ext(c, o, cov);
}

static inline __attribute__((always_inline)) void
granule(struct access *a, uintptr_t addr, uint8_t mask)
{
	struct cell c = cell_of(addr);

	if (!c.h)
		return;
	a->key = a->who | ((uint64_t)mask << K_MASK_SHIFT);
	a->mask = mask;
	a->addr = addr;
	if (__builtin_expect(!head_cur(c), 0)) {
		if (dead_span(addr))
			weft__dead_stack_check(addr,
					       a->acc->flags & WEFT__RACE_WRITE,
					       a->acc->size, a->acc->pc);
		fresh(c, a->key, a->sclk);
	} else if (!covered(c, own_of(a)))
		check(c, a);
}

/* A free's write of its block, over the cells some access of this
 * execution used: a free races only with such accesses, and an access
 * after it is a use-after-free the tracked heap reports before any cell
 * is read, so the cells nobody used need no record.  Chunks never used
 * are skipped whole: freeing a gigabyte the program hardly touched
 * wrote a record for each of its 8-byte granules. */
static __attribute__((noinline)) void free_granules(struct access *a,
						    uintptr_t addr,
						    uintptr_t end)
{
	while (addr < end) {
		uintptr_t g = addr & ~(uintptr_t)7;
		uintptr_t hi = end - g < 8 ? end : g + 8;
		struct cell c;
		if ((addr >> 47) || !l1[addr >> L1_SHIFT]) {
			uintptr_t next = ((addr >> L1_SHIFT) + 1) << L1_SHIFT;
			addr = next < end && !(addr >> 47) ? next : end;
			continue;
		}
		c = cell_of(addr);
		if (head_cur(c))
			granule(a, addr, (uint8_t)(((1u << (hi - addr)) - 1)
						   << (addr - g)));
		addr = hi;
	}
}

/* An access that spans granules (unaligned, or a range). */
static __attribute__((noinline)) void granules(struct access *a,
					       uintptr_t addr, uintptr_t end)
{
	if (a->acc->flags & WEFT__RACE_FREE) {
		free_granules(a, addr, end);
		return;
	}
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
	/* 0 is never current: ordered_turn marks a tail it empties with it. */
	if (!++P->gen || (P->gen & TAILED))
		P->gen = 1;
	cur_gen = P->gen;
	exts = NULL;
	nexts = capexts = 0;
}

__attribute__((constructor)) static void shadow_init(void)
{
	P = weft__persistent_alloc(sizeof *P);
	l1 = mmap(NULL, L1_SIZE * sizeof(char *), PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (l1 == MAP_FAILED)
		weft__die_reserve("the race detector's tables",
				  L1_SIZE * sizeof(char *));
}
