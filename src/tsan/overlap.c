/* src/tsan/overlap.c - the partial-order identity of atomic and volatile
 * accesses whose bytes overlap at another address or size.
 *
 * A step's object (weft__op.obj) is what the explorer compares to tell
 * dependent steps, and an atomic's was its start address.  An 8-byte load
 * of a union and a 4-byte store to its upper half then looked independent,
 * and the order that splits two stores around the load was never run: a
 * false `verified` (a probe with a u64 over two u32s, the shape of the
 * kernel's qspinlock tail and of many lock-free words; likewise a 16-byte
 * load over two 8-byte stores, and volatile under --races=off).
 *
 * Every 16-byte aligned block that such accesses touch keeps the set of
 * (offset, size) forms seen in it, over the whole search (atomics and
 * volatile accesses here, the kernel's marked accesses and atomic_t in
 * katomic.c, futex words in futex.c; the __tsan_acquire/release
 * annotations only look their block up).  When a form
 * overlaps another form at a different offset or size, the block is mixed
 * from then on: every atomic or volatile access in it has the block's base
 * as its identity, so all of them are dependent, and the search starts
 * again (weft__points_changed), since the tree explored so far was built
 * with the finer identities.  Blocks of one form each keep the start
 * address, so adjacent atomics of ordinary programs stay independent.
 *
 * An access that crosses a 16-byte boundary (a misaligned one) is keyed by
 * the block it starts in: its bytes in the next block are not compared. */
#include <stdlib.h>

#include "internal.h"

struct block {
	uintptr_t base;           /* 0: a free slot */
	uint64_t seen[2];         /* bit offset * 5 + log2(size) */
	bool mixed;
};

/* Kept across executions (the library's data is not restored). */
static struct block *tab;
static size_t cap, used;

static size_t slot_of(uintptr_t base, size_t mask)
{
	return (size_t)((base >> 4) * 0x9e3779b97f4a7c15ull >> 20) & mask;
}

static struct block *find(uintptr_t base);

static void grow(void)
{
	struct block *old = tab;
	size_t n = cap;

	cap = cap ? cap * 2 : 256;
	tab = calloc(cap, sizeof *tab);
	if (!tab)
		weft__die("out of memory for the overlap table of atomics");
	used = 0;
	for (size_t i = 0; i < n; i++)
		if (old[i].base)
			*find(old[i].base) = old[i];
	free(old);
}

/* The block's entry, made if it is new. */
static struct block *find(uintptr_t base)
{
	size_t i;

	if (2 * (used + 1) > cap)
		grow();
	for (i = slot_of(base, cap - 1); tab[i].base; i = (i + 1) & (cap - 1))
		if (tab[i].base == base)
			return &tab[i];
	used++;
	tab[i].base = base;
	return &tab[i];
}

static bool overlap(unsigned a, unsigned b)
{
	unsigned sa = a / 5, na = 1u << (a % 5);
	unsigned sb = b / 5, nb = 1u << (b % 5);

	return sa < sb + nb && sb < sa + na;
}

/* A form not seen in the block before: mixed if it overlaps another. */
static __attribute__((noinline)) void add(struct block *b, unsigned c)
{
	for (unsigned e = 0; e < 80 && !b->mixed; e++)
		if ((b->seen[e >> 6] >> (e & 63) & 1) && overlap(c, e)) {
			b->mixed = true;
			weft__points_changed();
		}
	b->seen[c >> 6] |= (uint64_t)1 << (c & 63);
}

/* The block's entry, or NULL when no access has touched it. */
static const struct block *peek(uintptr_t base)
{
	if (!cap)
		return NULL;
	for (size_t i = slot_of(base, cap - 1); tab[i].base;
	     i = (i + 1) & (cap - 1))
		if (tab[i].base == base)
			return &tab[i];
	return NULL;
}

const void *weft__por_obj(const volatile void *a, unsigned n)
{
	uintptr_t p = (uintptr_t)a, base = p & ~(uintptr_t)15;
	unsigned c;
	struct block *b;

	if (!n) {
		const struct block *k = peek(base);
		return k && k->mixed ? (const void *)base : (const void *)a;
	}
	/* Wider objects (libatomic's generic calls) are whole objects. */
	if (n > 16 || (n & (n - 1)))
		return (const void *)a;
	c = (unsigned)(p - base) * 5 + (unsigned)__builtin_ctz(n);
	b = find(base);
	if (!(b->seen[c >> 6] >> (c & 63) & 1))
		add(b, c);
	return b->mixed ? (const void *)base : (const void *)a;
}
