/* src/detect/race_plain.c - the race check of the program's ordinary
 * loads and stores (the __tsan_read and __tsan_write entry points call
 * it through weft__race_read8 and the like): their common case, one
 * granule at a site not known to race, checked without the general
 * steps of weft__race_access.  The cells and records are race_shadow.c's
 * (shadow.h describes them); a cell these paths cannot settle goes to the
 * full check of race_check.c. */
#include "detect/shadow.h" /* the records and their short names */
#include "detect/heap.h"

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

/* A tail begun anew in this execution, its first slot the access's
 * record. */
static inline void new_tail(struct cell c, uint64_t key, uint32_t sclk)
{
	tail_begun(c);
	*c.t = (struct tail){ .gen = cur_gen };
	c.t->s[0] = (struct slot){ key, sclk };
}

/* ordered_turn for a cell whose only record is its head (no current
 * tail, or an empty one): the access takes the head where it stands for
 * the record there, else a new tail's first slot; false, having changed
 * nothing, when the head is not of ordered_turn's kind. */
static inline bool head_turn(struct cell c, uint64_t key, uint32_t sclk,
			     const uint32_t *vc, int tid)
{
	int r = turn_record(&c.h->s, key, sclk, vc, tid);

	if (!r)
		return false;
	if (r == 2)
		c.h->s = (struct slot){ key, sclk };
	else
		new_tail(c, key, sclk);
	return true;
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
	struct tail *t = c.t;
	unsigned drop;
	struct slot *s;
	int r;

	if (!tail_cur(c) || tail_empty(t))
		return head_turn(c, key, sclk, vc, tid);
	if (!(r = turn_record(&c.h->s, key, sclk, vc, tid)))
		return false;
	drop = r == 2;
	for (int i = 0; i < NSLOT; i++) {
		if (!(r = turn_record(&t->s[i], key, sclk, vc, tid)))
			return false;
		drop |= (unsigned)(r == 2) << (i + 1);
	}
	if (!drop)
		return false;
	/* The access takes the head and every record of the tail is gone
	 * (the turn of a lock-protected variable: a write after the same
	 * thread's read): the tail is made stale, as good as empty, so the
	 * next access's scans stop at its generation instead of reading
	 * five empty slots twice. */
	if (drop == (1u << (NSLOT + 1)) - 1) {
		t->gen = 0;
		c.h->s = (struct slot){ key, sclk };
		return true;
	}
	for (int i = 0; i < NSLOT; i++)
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
 * another's whose epoch the thread's clock covers): then turn_record
 * would answer 2 for it where the access writes or the head is a read,
 * else 1, and for the read in the tail 2.  The outcome is ordered_turn's
 * (head_turn's, or the stale tail of a turn that drops every record);
 * these tests on the two records, narrower than turn_record's and in
 * registers, are what spares the walk (turn_record itself here cost the
 * core workload 4% more instructions).  False, having changed nothing,
 * for any other cell. */
static inline __attribute__((always_inline)) bool
quick_turn(struct cell c, uintptr_t addr, uint64_t key, uint32_t sclk,
	   const uint32_t *vc, int tid)
{
	uint64_t k = c.h->s.key, w = key & K_WRITE;
	uint32_t kclk = c.h->s.clk;
	bool tail = tail_cur(c);
	int u;

	if (((k ^ key) & (K_BYTES | K_ATOMIC)) || dead_span(addr))
		return false;
	if (tail) {
		/* The second shape: the tail's first slot is this epoch's
		 * read by the thread of exactly these bytes, its other
		 * slots empty (so no link either). */
		const struct tail *t = c.t;
		_Static_assert(NSLOT == 5, "the test below names the slots");
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
	if (w || !(k & K_WRITE))
		c.h->s = (struct slot){ key, sclk };
	else
		new_tail(c, key, sclk);
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

	if (tail_cur(c) && is_link(c.t->s[NSLOT - 1].key) &&
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
	if (__builtin_expect(!head_cur(c), 0)) {
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
