/* src/linux/kmem.c - kmalloc and kfree on the tracked heap.
 *
 * The tracked heap reports use-after-free, double-free and leaks; this
 * layer adds the kernel's rules: a GFP_KERNEL allocation may sleep, and
 * kfree must not free memory that an RCU reader may still be using.  For
 * the latter it keeps the sizes of live kmalloc blocks in a small hash
 * table (per execution). */
#include <stdint.h>

#include "lx.h"
#include <weft/kmem.h>

#define NSLOTS 1024

static struct {
	const void *p;
	size_t n;
} sizes[NSLOTS];
static int nsizes;

/* Every block handed out in this execution, live or freed, in address
 * order (the tracked heap allocates upwards within an execution), so an
 * address maps to its block with a binary search. */
#define MAX_BLOCKS 4096
static struct {
	const char *p;
	size_t n;
} blocks[MAX_BLOCKS];
static int nblocks;
static bool unordered;

void lx_kmem_begin(void)
{
	if (nsizes)
		for (int i = 0; i < NSLOTS; i++)
			sizes[i].p = NULL;
	nsizes = 0;
	nblocks = 0;
	unordered = false;
}

static void add_block(const void *p, size_t n)
{
	if (nblocks && (const char *)p <= blocks[nblocks - 1].p)
		unordered = true;
	if (unordered || nblocks == MAX_BLOCKS)
		return;
	blocks[nblocks].p = p;
	blocks[nblocks++].n = n;
}

const void *lx_kmem_obj(const void *p)
{
	const char *q = p;
	int lo = 0, hi = nblocks - 1;

	if (unordered || !nblocks || !weft__is_tracked(p))
		return p;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (q < blocks[mid].p)
			hi = mid - 1;
		else if (q >= blocks[mid].p + blocks[mid].n)
			lo = mid + 1;
		else
			return blocks[mid].p;
	}
	return p;
}

static unsigned slot_of(const void *p)
{
	return (unsigned)(((uintptr_t)p >> 4) * 2654435761u) % NSLOTS;
}

static void remember(const void *p, size_t n)
{
	unsigned s = slot_of(p);

	if (nsizes >= NSLOTS * 3 / 4)
		return; /* full: the RCU check falls back to the pointer */
	while (sizes[s].p && sizes[s].p != (const void *)1)
		s = (s + 1) % NSLOTS;
	sizes[s].p = p;
	sizes[s].n = n;
	nsizes++;
}

size_t lx_kmem_size(const void *p)
{
	for (unsigned s = slot_of(p); sizes[s].p; s = (s + 1) % NSLOTS)
		if (sizes[s].p == p)
			return sizes[s].n;
	return 1;
}

const void *lx_kmem_block_of(const void *p, size_t *n)
{
	const char *q = p;

	if (!nsizes)
		return NULL;
	for (int s = 0; s < NSLOTS; s++) {
		const char *b = sizes[s].p;
		if (b && b != (const char *)1 && q >= b && q < b + sizes[s].n) {
			*n = sizes[s].n;
			return b;
		}
	}
	return NULL;
}

void lx_kmem_forget(const void *p)
{
	for (unsigned s = slot_of(p); sizes[s].p; s = (s + 1) % NSLOTS)
		if (sizes[s].p == p) {
			sizes[s].p = (const void *)1; /* tombstone */
			return;
		}
}

void *weft_kmalloc(size_t n, unsigned int gfp, const char *what,
		   const struct weft_loc *loc)
{
	void *p;

	if (gfp & WEFT_GFP_KERNEL)
		weft_might_sleep(what ? what : "kmalloc", "GFP_KERNEL", loc);
	p = weft__malloc(n, (gfp & WEFT_GFP_ZERO) != 0,
			 what ? what : "kmalloc", loc);
	remember(p, n ? n : 1);
	add_block(p, n ? n : 1);
	return p;
}

void weft_kfree(const void *p, const char *what, const struct weft_loc *loc)
{
	size_t n;

	if (!p)
		return;
	n = lx_kmem_size(p);
	/* Freeing is a write to the whole block, ordered against every
	 * marked access, atomic and refcount operation inside it (they use
	 * the block as their object for partial-order reduction). */
	weft__point(what ? what : "kfree", p, NULL, WEFT__ACC_WRITE, loc);
	lx_rcu_check_free(p, n, loc);
	weft__free((void *)p, what ? what : "kfree", loc);
	lx_kmem_forget(p);
}
