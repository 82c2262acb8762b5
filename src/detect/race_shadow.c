/* src/detect/race_shadow.c - shadow memory: what the race detector
 * remembers about every 8-byte granule, and the FastTrack check of one
 * access against it: here the tables and the common case, where the
 * thread's own records already cover the access; race_check.c checks the
 * whole cell otherwise.  The records' format is in race.h.
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
 * access, which leaves its tail behind it (race.h).
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

#define WEFT__SHADOW_OWN /* its short names, race.h */
#include "detect/heap.h"
#include "detect/race.h"

#define L2_BITS 19                    /* granules per chunk */
#define L1_SHIFT (3 + L2_BITS)        /* bytes per chunk: 4 MiB */
#define L1_SIZE ((size_t)1 << (47 - L1_SHIFT))

/* State that survives executions: set up by a constructor, before the
 * core takes its snapshot of the program's data.  The first level of the
 * table; a chunk is its heads, then its tails. */
struct persist {
	uint32_t gen;
};
static struct persist *P;
static char **l1;

#define HEADS_BYTES (sizeof(struct head) << L2_BITS)
#define CHUNK_BYTES ((sizeof(struct head) + sizeof(struct tail)) << L2_BITS)

/* Per-execution state, reset by weft__shadow_begin (with race_check.c's
 * extension blocks). */
uint32_t weft__shadow_gen;

_Static_assert(sizeof(struct slot) == 12, "a record is 12 bytes");
_Static_assert(sizeof(struct head) == 16, "four heads to a cache line");
_Static_assert(sizeof(struct tail) == 64, "a tail is one cache line");

/* ---- the tables ----------------------------------------------------------- */

static __attribute__((noinline)) char *chunk_new(uintptr_t a)
{
	void *m = mmap(NULL, CHUNK_BYTES, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (m == MAP_FAILED)
		weft__die_reserve("the race detector's shadow memory",
				  CHUNK_BYTES);
	l1[a >> L1_SHIFT] = m;
	return m;
}

/* The cell of the granule at a (user-space: below 2^47) in its chunk. */
static inline struct cell cell_in(char *chunk, uintptr_t a)
{
	size_t i = (a >> 3) & ((1u << L2_BITS) - 1);

	return (struct cell){ (struct head *)chunk + i,
			      (struct tail *)(chunk + HEADS_BYTES) + i };
}

static inline struct cell cell_of(uintptr_t a)
{
	char *chunk;

	if (__builtin_expect(a >> 47, 0))
		return (struct cell){ NULL, NULL }; /* not user space */
	chunk = l1[a >> L1_SHIFT];
	if (__builtin_expect(!chunk, 0))
		chunk = chunk_new(a);
	return cell_in(chunk, a);
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
 * case of a thread going over its own data again, so the head and then
 * the tail are scanned first, without following links.  (Empty slots and
 * links cover no byte.) */
static inline bool covered_in(struct cell c, struct own o, uint8_t *cov)
{
	if (covers_own(c.h->s.key, c.h->s.clk, o, cov))
		return true;
	if (c.t->gen != cur_gen)
		return false;
	for (int i = 0; i < NSLOT; i++)
		if (covers_own(c.t->s[i].key, c.t->s[i].clk, o, cov))
			return true;
	return false;
}

static inline bool covered(struct cell c, struct own o)
{
	uint8_t cov = 0;

	if (covered_in(c, o, &cov))
		return true;
	if (__builtin_expect(c.t->gen != cur_gen ||
				     !is_link(c.t->s[NSLOT - 1].key),
			     1))
		return false;
	return covered_ext(c, o, cov);
}

/* The same without the extension blocks, or a call (see
 * plain): false may still be covered. */
static inline bool covered_here(struct cell c, struct own o)
{
	uint8_t cov = 0;

	return covered_in(c, o, &cov);
}

/* The first access to the cell in this execution: nothing to check, one
 * assignment of the whole head. */
static inline void fresh(struct cell c, uint64_t key, uint32_t sclk)
{
	*c.h = (struct head){ .gen = cur_gen, .s = { key, sclk } };
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
	if (__builtin_expect(c.h->gen != cur_gen, 0)) {
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
		if (c.h->gen == cur_gen)
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

/* ---- plain accesses ------------------------------------------------------- */

/* One record of the cell as ordered_turn sees it: 0 when the cell is not
 * of its kind (a link, bytes partly outside the access, a race, or a
 * record of the access's own thread, epoch, kind and site, which the full
 * check merges the access into), 1 when the record stays (other bytes, a
 * concurrent read of a read, an ordered write the read cannot stand
 * for), 2 when its slot is or becomes free. */
static inline int turn_record(const struct slot *s, uint64_t key,
			      uint32_t sclk, const uint32_t *vc, int tid)
{
	uint64_t k = s->key;
	int u;

	if (!k)
		return 2;
	if (is_link(k) || (((k ^ key) & ~K_BYTES) == 0 && s->clk == sclk))
		return 0;
	if (!(bytes_of(k) & bytes_of(key)))
		return 1;
	if (bytes_of(k) & ~bytes_of(key))
		return 0;
	u = tid_of(k, s->clk);
	if (u != tid) {
		weft__saw_shared();
		if ((s->clk & CLK_MASK) >= vc[u])
			return (k | key) & K_WRITE ? 0 : 1;
	}
	return covers(key, k) ? 2 : 1;
}

/* The full check's outcome without its walk, for a plain access of one
 * granule whose records (head and tail, no extension block) all answer
 * turn_record with 1 or 2: no race.  This is a lock-protected variable
 * that threads take turns at, each access in a new epoch of its thread,
 * and data that threads read after one wrote it.  As in the full check,
 * the access drops the ordered records it stands for and takes the first
 * free slot in the order the check walks the cell (the head, then the
 * tail if it holds any record), else the first slot of a tail begun
 * anew.  False, having changed nothing, when the cell is not of that
 * kind: the full check decides. */
static inline bool ordered_turn(struct cell c, uint64_t key, uint32_t sclk,
				const uint32_t *vc, int tid)
{
	struct tail *t = c.t->gen == cur_gen && !tail_empty(c.t) ? c.t : NULL;
	unsigned drop;
	struct slot *s;
	int r;

	if (!(r = turn_record(&c.h->s, key, sclk, vc, tid)))
		return false;
	drop = r == 2;
	for (int i = 0; t && i < NSLOT; i++) {
		if (!(r = turn_record(&t->s[i], key, sclk, vc, tid)))
			return false;
		drop |= (unsigned)(r == 2) << (i + 1);
	}
	if (!drop) {
		if (t)
			return false;
		*c.t = (struct tail){ .gen = cur_gen };
		c.t->s[0] = (struct slot){ key, sclk };
		return true;
	}
	/* The access takes the head and every record of the tail is gone
	 * (the turn of a lock-protected variable: a write after the same
	 * thread's read): the tail is made stale, as good as empty, so the
	 * next access's scans stop at its generation instead of reading
	 * five empty slots twice. */
	if (t && drop == (1u << (NSLOT + 1)) - 1) {
		t->gen = 0;
		c.h->s = (struct slot){ key, sclk };
		return true;
	}
	for (int i = 0; t && i < NSLOT; i++)
		if ((drop >> (i + 1)) & 1)
			t->s[i].key = 0;
	s = (drop & 1) ? &c.h->s : &t->s[__builtin_ctz(drop) - 1];
	*s = (struct slot){ key, sclk };
	return true;
}

/* ordered_turn's two commonest shapes, inline in plain for the
 * accesses its records do not cover, before the call to plain_check and
 * its walks: a granule whose only record is the head (the tail is not
 * current), and a write whose cell holds, besides the head, only the
 * same thread's read of this epoch in the tail's first slot (the read and
 * write of counter++).  In both, the head must be a plain access of
 * exactly the access's bytes, ordered before it (the thread's own, or
 * another's whose epoch the thread's clock covers).  Then the access
 * stands for the head when ordered_turn's covers would say so (a write,
 * or a read after a read), and a read after a write takes a new tail's
 * first slot; the write of the second shape also stands for the read and
 * leaves the tail stale.  Exactly what ordered_turn does for these cells;
 * false, having changed nothing, for any other cell. */
static inline __attribute__((always_inline)) bool
quick_turn(struct cell c, uintptr_t addr, uint64_t key, uint32_t sclk,
	   const uint32_t *vc, int tid)
{
	uint64_t k = c.h->s.key, w = key & K_WRITE;
	uint32_t kclk = c.h->s.clk;
	bool tail = c.t->gen == cur_gen;
	int u;

	if (((k ^ key) & (K_BYTES | K_ATOMIC)) || dead_span(addr))
		return false;
	if (tail) {
		/* The second shape: the tail's first slot is this epoch's
		 * read by the thread of exactly these bytes, its other
		 * slots empty (so no link either). */
		const struct tail *t = c.t;
		if (!w || t->s[0].clk != sclk ||
		    ((t->s[0].key ^ key ^ K_WRITE) &
		     (K_BYTES | K_TID | K_WRITE | K_ATOMIC)) ||
		    (t->s[1].key | t->s[2].key | t->s[3].key | t->s[4].key))
			return false;
	}
	u = tid_of(k, kclk);
	if (u != tid) {
		if ((kclk & CLK_MASK) >= vc[u])
			return false; /* not ordered: the full check */
		weft__saw_shared();
	}
	if (tail)
		c.t->gen = 0;
	if (w || !(k & K_WRITE)) {
		c.h->s = (struct slot){ key, sclk };
	} else {
		*c.t = (struct tail){ .gen = cur_gen };
		c.t->s[0] = (struct slot){ key, sclk };
	}
	return true;
}

/* The rest of plain_check, apart so that its fast path builds no record
 * of the access for the full check. */
static __attribute__((noinline)) void plain_full(struct cell c, uintptr_t addr,
						 uintptr_t pc, uint64_t key,
						 uint32_t sclk,
						 const uint32_t *vc, int tid)
{
	struct weft__race_acc acc = {
		.tid = tid, .vc = vc, .clk = vc[tid], .pc = pc,
		.flags = (key & K_WRITE) ? WEFT__RACE_WRITE : 0,
		.size = (unsigned)__builtin_popcount(bytes_of(key)),
	};
	struct access a = {
		.who = key & ~K_BYTES, .key = key, .sclk = sclk,
		.mask = bytes_of(key), .acc = &acc, .addr = addr,
	};

	if (c.t->gen == cur_gen && is_link(c.t->s[NSLOT - 1].key) &&
	    covered_ext(c, own_of(&a), 0))
		return;
	check(c, &a);
}

/* The rest of granule's work for a plain access of one granule whose
 * head and tail do not cover it (see plain), out of line: the common
 * ordered turn (ordered_turn), else the extension blocks, then the check
 * of the whole cell.  The access is its record's key (bytes, kind,
 * thread) and sclk; the thread's clock is read again rather than passed,
 * which would keep it in a register on plain's every path. */
static __attribute__((noinline)) void plain_check(uintptr_t addr, uintptr_t pc,
						  uint64_t key, uint32_t sclk)
{
	struct cell c = cell_of(addr);
	/* plain asked the scheduler already (weft__access_begin) and found
	 * a test thread: its clock, and its id as the key and sclk name it. */
	const uint32_t *vc = weft__running.vc;
	int tid = tid_of(key, sclk);

	if (!dead_span(addr) && ordered_turn(c, key, sclk, vc, tid))
		return;
	plain_full(c, addr, pc, key, sclk, vc, tid);
}

/* What weft__race_access does for a plain access within one granule, at a
 * site not known to race, outside freed heap memory: the same steps in
 * the same order, less what cannot apply (no scheduling point, no atomic
 * epoch, no split).  A fresh cell or one whose head and tail cover the
 * access ends it here; plain_check takes the others.  Anything else goes
 * to weft__race_access, which starts again from the beginning (noting
 * progress twice does no harm).  Both are tail calls, so this calls
 * nothing and saves few registers: it is most of the cost of an access.
 * (The __tsan_read and __tsan_write entry points call it through
 * weft__race_read8 and the like.) */
static inline __attribute__((always_inline)) void
plain(const void *addr, size_t n, bool write, uintptr_t pc)
{
	uintptr_t a = (uintptr_t)addr;
	const uint32_t *vc;
	uint64_t key, w;
	struct cell c;
	uint32_t sclk;
	uint8_t mask;
	char *chunk;
	int t;

	if (!weft__race_on)
		return;
	if (__builtin_expect((a & 7) + n > 8 || (a >> 47) ||
				     weft__race_site_maybe_hot(pc) ||
				     weft__race_watched(a) ||
				     (weft__in_tracked_heap(addr) &&
				      weft__heap_bad(addr, n)),
			     0))
		goto full;
	vc = weft__access_begin(addr, write, true, &t, pc);
	if (__builtin_expect(!vc, 0))
		goto full; /* no test thread, or one ignoring its accesses */
	chunk = l1[a >> L1_SHIFT];
	if (__builtin_expect(!chunk, 0))
		goto full;
	c = cell_in(chunk, a);
	sclk = sclk_of(t, vc[t]);
	/* (8 bytes are the whole granule: the test above left no offset.) */
	mask = n == 8 ? 0xFF : (uint8_t)(((1u << n) - 1) << (a & 7));
	w = write ? K_WRITE : 0;
	key = pc_pack(pc) | ((uint64_t)mask << K_MASK_SHIFT) |
	      ((uint64_t)(t & 0x3F) << K_TID_SHIFT) | w;
	if (__builtin_expect(c.h->gen != cur_gen, 0)) {
		if (dead_span(a))
			weft__dead_stack_check(a, write, (unsigned)n, pc);
		fresh(c, key, sclk);
		return;
	}
	if (!covered_here(c, (struct own){ .want = (key & K_TID) | w,
					    .care = K_TID | w | K_ATOMIC,
					    .clk = sclk, .mask = mask }) &&
	    !quick_turn(c, a, key, sclk, vc, t))
		plain_check(a, pc, key, sclk);
	return;
full:
	weft__race_access(addr, n, write ? WEFT__RACE_WRITE : 0, pc);
}

/* One for each size and kind, so that n and write are constants. */
#define PLAIN(n)                                                              \
	void weft__race_read##n(const void *addr, uintptr_t pc)               \
	{                                                                     \
		plain(addr, n, false, pc);                                    \
	}                                                                     \
	void weft__race_write##n(const void *addr, uintptr_t pc)              \
	{                                                                     \
		plain(addr, n, true, pc);                                     \
	}
PLAIN(1)
PLAIN(2)
PLAIN(4)
PLAIN(8)

/* ---- set-up --------------------------------------------------------------- */

void weft__shadow_begin(void)
{
	/* 0 is never current: ordered_turn marks a tail it empties with it. */
	if (!++P->gen)
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
