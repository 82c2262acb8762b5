/* src/detect/race_shadow.c - shadow memory: what the race detector
 * remembers about every 8-byte granule, and the FastTrack check of one
 * access against it.
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
#include <string.h>
#include <sys/mman.h>

#include "detect/race.h"

#define L2_BITS 19                    /* granules per chunk */
#define L1_SHIFT (3 + L2_BITS)        /* bytes per chunk: 4 MiB */
#define L1_SIZE ((size_t)1 << (47 - L1_SHIFT))

#define NSLOT 5                       /* records in a cell */
#define EXT_SLOTS 16                  /* records in an extension block */

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

struct cell {
	uint32_t gen;
	struct slot s[NSLOT];
};

struct ext {
	struct slot s[EXT_SLOTS];
};

/* State that survives executions: set up by a constructor, before the
 * core takes its snapshot of the program's data. */
struct persist {
	uint32_t gen;
	struct cell **l1;
};
static struct persist *P;

/* Per-execution state, reset by weft__shadow_begin. */
static uint32_t cur_gen;
static struct ext **exts;
static uint32_t nexts, capexts;

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

static struct ext *ext_new(uint32_t *idx)
{
	if (nexts == capexts) {
		uint32_t cap = capexts ? capexts * 2 : 64;
		struct ext **n = weft__exec_alloc(sizeof *n * cap);
		if (nexts)
			memcpy(n, exts, sizeof *n * nexts);
		exts = n;
		capexts = cap;
	}
	exts[nexts] = weft__exec_alloc(sizeof(struct ext));
	*idx = nexts;
	return exts[nexts++];
}

/* ---- records -------------------------------------------------------------- */

/* User-space addresses fit in 47 bits; a tagged source location (a free)
 * keeps its tag in bit 47. */
static inline uint64_t pc_pack(uintptr_t pc)
{
	return (pc & WEFT__PC_LOC_TAG) ? ((pc & K_PC_MASK) | PC_LOC_BIT)
				       : (pc & K_PC_MASK);
}

static inline uintptr_t pc_unpack(uint64_t key)
{
	uint64_t pc = key & K_PC_MASK;

	return (pc & PC_LOC_BIT) ? (uintptr_t)((pc & ~PC_LOC_BIT) |
					       WEFT__PC_LOC_TAG)
				 : (uintptr_t)pc;
}

static inline uint8_t bytes_of(uint64_t key)
{
	return (uint8_t)(key >> K_MASK_SHIFT);
}

static inline int tid_of(uint64_t key, uint32_t sclk)
{
	return (int)((key >> K_TID_SHIFT) & 0x3F) | (int)(sclk >> CLK_BITS) << 6;
}

/* The record's clk for an access of thread tid in epoch clk. */
static inline uint32_t sclk_of(int tid, uint32_t clk)
{
	return clk | (uint32_t)(tid >> 6) << CLK_BITS;
}

static inline bool is_link(uint64_t key)
{
	return key && !bytes_of(key);
}

/* Would a later access racing with old also race with new?  Then new can
 * stand for old: it writes if old wrote, and is plain if old was. */
static inline bool covers(uint64_t nw, uint64_t old)
{
	return (!(old & K_WRITE) || (nw & K_WRITE)) &&
	       (!(nw & K_ATOMIC) || (old & K_ATOMIC));
}

/* Two accesses conflict when one writes and not both are atomic. */
static inline bool conflicting(uint64_t a, uint64_t b)
{
	return ((a | b) & K_WRITE) && !(a & b & K_ATOMIC);
}

/* A cell's chain of slots: first_slot, then next_slot (which follows
 * links) until it returns NULL. */
static inline struct slot *first_slot(struct cell *c, struct slot **end)
{
	*end = c->s + NSLOT;
	return c->s;
}

static inline struct slot *next_slot(struct slot *s, struct slot **end)
{
	if (++s == *end)
		return NULL;
	if (__builtin_expect(is_link(s->key), 0)) {
		struct ext *e = exts[s->clk];
		*end = e->s + EXT_SLOTS;
		s = e->s;
	}
	return s;
}

/* ---- the check ------------------------------------------------------------ */

struct access {
	uint64_t who;                 /* the record's key without the mask */
	uint64_t key;                 /* the record this access makes */
	uint32_t sclk;                /* and its clk (see sclk_of) */
	uint8_t mask;
	const struct weft__race_acc *acc;
	uintptr_t addr;
};

static void report(const struct access *a, uint64_t prev, uint32_t psclk)
{
	unsigned pflags = 0;

	if (prev & K_WRITE)
		pflags |= WEFT__RACE_WRITE;
	if (prev & K_ATOMIC)
		pflags |= WEFT__RACE_ATOMIC;
	if ((prev & K_WRITE) && (prev & PC_LOC_BIT))
		pflags |= WEFT__RACE_FREE;
	weft__race_report((const void *)a->addr, tid_of(prev, psclk),
			  psclk & CLK_MASK, pflags,
			  (unsigned)__builtin_popcount(bytes_of(prev)),
			  pc_unpack(prev), a->acc->flags, a->acc->size,
			  a->acc->pc);
}

/* The records that can stand for an access without checking it again:
 * the same thread's, from the same epoch, and covering it (see covers):
 * exactly those whose key agrees with want on the bits in care.  Kept in
 * registers for the scan below. */
struct own {
	uint64_t want, care;
	uint32_t clk;
	uint8_t mask;
};

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

/* Adds the bytes record (k, kclk) covers to *cov; true once they are all
 * the bytes of the access. */
static inline bool covers_own(uint64_t k, uint32_t kclk, struct own o,
			      uint8_t *cov)
{
	if (kclk != o.clk || ((k ^ o.want) & o.care))
		return false;
	*cov |= bytes_of(k);
	return !(o.mask & ~*cov);
}

/* The same over the extension blocks of a cell (rare). */
static __attribute__((noinline)) bool covered_ext(struct cell *c, struct own o,
						  uint8_t cov)
{
	struct slot *end, *s;

	for (s = first_slot(c, &end); s; s = next_slot(s, &end))
		if (covers_own(s->key, s->clk, o, &cov))
			return true;
	return false;
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

/* Check the access against one record, and drop the record's claim to the
 * accessed bytes when the access makes it redundant (the slot is emptied
 * when no byte is left). */
static void against(struct slot *s, const struct access *a)
{
	uint64_t k = s->key;
	uint8_t m = bytes_of(k);
	int u = tid_of(k, s->clk);
	bool ordered, racing;

	if (!(m & a->mask))
		return;
	if (u != a->acc->tid)
		weft__saw_shared();
	ordered = u == a->acc->tid || (s->clk & CLK_MASK) < a->acc->vc[u];
	racing = !ordered && conflicting(k, a->key);
	if (racing)
		report(a, k, s->clk);
	if ((ordered || racing) && covers(a->key, k)) {
		m &= (uint8_t)~a->mask;
		s->key = m ? (k & ~K_BYTES) | ((uint64_t)m << K_MASK_SHIFT) : 0;
	}
}

/* Record the access in a new slot: the first free one, or a new
 * extension block linked from the last slot of the chain. */
static void add(struct cell *c, struct slot *free, const struct access *a)
{
	struct slot *end, *s, *last = NULL;
	struct ext *e;
	uint32_t idx;

	if (!free) {
		for (s = first_slot(c, &end); s; s = next_slot(s, &end))
			last = s;
		e = ext_new(&idx);
		e->s[0] = *last;
		last->key = K_LINK;
		last->clk = idx;
		free = &e->s[1];
	}
	free->key = a->key;
	free->clk = a->sclk;
}

/* Check the access against every record of the cell, then record it:
 * merged into a record of the same thread, epoch, kind and site when there
 * is one (a loop over a char array), else in a slot of its own. */
static __attribute__((noinline)) void check(struct cell *c,
					     const struct access *a)
{
	struct slot *end, *s, *free = NULL, *same = NULL;

	for (s = first_slot(c, &end); s; s = next_slot(s, &end)) {
		if (s->key)
			against(s, a);
		if (!s->key) {
			if (!free)
				free = s;
		} else if ((s->key & ~K_BYTES) == a->who &&
			   s->clk == a->sclk) {
			same = s;
		}
	}
	if (same)
		same->key |= (uint64_t)a->mask << K_MASK_SHIFT;
	else
		add(c, free, a);
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
