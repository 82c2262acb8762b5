/* src/linux/kmem.c - kmalloc and kfree on the tracked heap.
 *
 * The tracked heap reports use-after-free, double-free and leaks; this
 * layer adds the kernel's rules: a GFP_KERNEL allocation may sleep, and
 * kfree must not free memory that an RCU reader may still be using.  For
 * the latter (and for naming krefs never released) it keeps the sizes of
 * live kmalloc blocks in a small hash table (per execution).  Operations
 * on memory inside a block need no mapping to the block here: the core
 * treats each one as a use of its block, and kfree's free step as a write
 * of the whole block. */
#include <stdint.h>

#include "lx.h"
#include <weft/kmem.h>

#define NSLOTS 1024

static struct {
	const void *p;
	size_t n;
} sizes[NSLOTS];
static int nsizes;

void weft__lx_kmem_begin(void)
{
	if (nsizes)
		for (int i = 0; i < NSLOTS; i++)
			sizes[i].p = NULL;
	nsizes = 0;
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

size_t weft__lx_kmem_size(const void *p)
{
	for (unsigned s = slot_of(p); sizes[s].p; s = (s + 1) % NSLOTS)
		if (sizes[s].p == p)
			return sizes[s].n;
	return 1;
}

const void *weft__lx_kmem_block_of(const void *p, size_t *n)
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

void weft__lx_kmem_forget(const void *p)
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
	return p;
}

void weft_kfree(const void *p, const char *what, const struct weft_loc *loc)
{
	size_t n;

	if (!p)
		return;
	n = weft__lx_kmem_size(p);
	/* The free is a step that writes the whole block: the core orders it
	 * against every operation on memory inside the block (marked
	 * accesses, atomics, refcounts, locks embedded in it), so the
	 * explorer also tries each of them after the free. */
	weft__free_step((void *)p, what ? what : "kfree", loc);
	weft__lx_kmem_forget(p);
	/* Then the RCU rule, in a step on the RCU state so that readers'
	 * section ends are ordered against it: a reader still inside the
	 * section in which it obtained a pointer into the block may use it.
	 * Only addresses are compared, so the block being freed already
	 * does not matter. */
	weft__lx_rcu_check_free(p, n, loc);
}
