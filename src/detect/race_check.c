/* src/detect/race_check.c - the full check of an access against a shadow
 * cell (race_shadow.c describes the cells and their records): every record
 * of the cell and of its extension blocks, the races found reported, and
 * the access recorded.  race_shadow.c and race_plain.c come here only when
 * the records of the accessing thread's current epoch do not already cover
 * the access. */
#include <string.h>

#include "detect/shadow.h" /* the records and their short names */
#include "arch/tls.h"
#include "detect/heap.h"

#define EXT_SLOTS 16                  /* records in an extension block */

struct ext {
	struct slot s[EXT_SLOTS];
};

/* The extension blocks of this execution, reset by weft__shadow_begin. */
struct ext **weft__shadow_exts;
uint32_t weft__shadow_nexts, weft__shadow_capexts;

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

static inline uintptr_t pc_unpack(uint64_t key)
{
	uint64_t pc = key & K_PC_MASK;

	return (pc & PC_LOC_BIT) ? (uintptr_t)((pc & ~PC_LOC_BIT) |
					       WEFT__PC_LOC_TAG)
				 : (uintptr_t)pc;
}

/* Two accesses conflict when one writes and not both are atomic. */
static inline bool conflicting(uint64_t a, uint64_t b)
{
	return ((a | b) & K_WRITE) && !(a & b & K_ATOMIC);
}

/* A walk over a cell's records: the head's, then the tail's when it is
 * current, following the link in a block's last slot to the next
 * extension block.  walk_first, then walk_next until it returns NULL.
 * (The head's slot is never a link: a cell spills into an extension
 * block only from a full current tail.) */
struct walk {
	struct slot *s, *end;
	struct tail *t;               /* the tail still to come, or NULL */
};

static inline struct slot *walk_first(struct walk *w, struct cell c)
{
	w->s = &c.h->s;
	w->end = w->s + 1;
	w->t = tail_cur(c) && !tail_empty(c.t) ? c.t : NULL;
	return w->s;
}

static inline struct slot *walk_next(struct walk *w)
{
	if (++w->s == w->end) {
		if (!w->t)
			return NULL;
		w->s = w->t->s;
		w->end = w->s + NSLOT;
		w->t = NULL;
	}
	if (__builtin_expect(is_link(w->s->key), 0)) {
		struct ext *e = exts[w->s->clk];
		w->end = e->s + EXT_SLOTS;
		w->s = e->s;
	}
	return w->s;
}

/* ---- the check ------------------------------------------------------------ */

static void report(const struct access *a, uint64_t prev, uint32_t psclk)
{
	unsigned pflags = 0;

	if (weft__tls_swapped((const void *)a->addr))
		return;
	if (prev & K_WRITE)
		pflags |= WEFT__RACE_WRITE;
	if (prev & K_ATOMIC)
		pflags |= WEFT__RACE_ATOMIC;
	/* A plain write at a source location is a free; a model's atomic
	 * access has one too (weft__race_model_access). */
	if ((prev & K_WRITE) && (prev & PC_LOC_BIT) && !(prev & K_ATOMIC))
		pflags |= WEFT__RACE_FREE;
	weft__race_report((const void *)a->addr, tid_of(prev, psclk),
			  psclk & CLK_MASK, pflags,
			  (unsigned)__builtin_popcount(bytes_of(prev)),
			  pc_unpack(prev), a->acc->flags, a->acc->size,
			  a->acc->pc);
}

/* covered (race_shadow.c) over the whole chain of a cell, extension blocks
 * included (rare). */
__attribute__((noinline)) bool
weft__shadow_covered_ext(struct cell c, struct own o, uint8_t cov)
{
	struct walk w;

	for (struct slot *s = walk_first(&w, c); s; s = walk_next(&w))
		if (covers_own(s->key, s->clk, o, &cov))
			return true;
	return false;
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

/* Record the access in a new slot: the first free one, else the first of
 * a tail that is not current yet, else one of a new extension block
 * linked from the last slot of the chain. */
static void add(struct cell c, struct slot *free, const struct access *a)
{
	struct slot *s, *last = NULL;
	struct walk w;
	struct ext *e;
	uint32_t idx;

	if (!free && (!tail_cur(c) || tail_empty(c.t))) {
		tail_begun(c);
		*c.t = (struct tail){ .gen = cur_gen };
		free = &c.t->s[0];
	} else if (!free) {
		for (s = walk_first(&w, c); s; s = walk_next(&w))
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

/* An access to the stack or the __thread variables of a thread that
 * finished, or to main's frames after it returned: they are gone (a
 * pointer to one outlived the thread, or was handed back by it). */
void weft__dead_stack_check(uintptr_t addr, bool write, unsigned size,
			    uintptr_t pc)
{
	const char *owner;
	int kind;

	/* Asked first, so that an access near a live stack (inside the
	 * span, not dead) looks up no source location. */
	if (weft__in_dead_stack((const void *)addr, &owner, &kind))
		weft__dead_stack_use_at((const void *)addr, write, size,
					weft__pc_loc(pc));
	if (weft__frame_args_watched)
		weft__frame_arg_check(addr, write, size, pc);
}

/* Check the access against every record of the cell, then record it:
 * merged into a record of the same thread, epoch, kind and site when there
 * is one (a loop over a char array), else in a slot of its own. */
__attribute__((noinline)) void
weft__shadow_check(struct cell c, const struct access *a)
{
	struct slot *s, *free = NULL, *same = NULL;
	struct walk w;
	if (dead_span(a->addr))
		weft__dead_stack_check(a->addr,
				       a->acc->flags & WEFT__RACE_WRITE,
				       a->acc->size, a->acc->pc);
	for (s = walk_first(&w, c); s; s = walk_next(&w)) {
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
