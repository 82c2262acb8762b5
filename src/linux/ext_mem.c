/* src/linux/ext_mem.c - krealloc for the kernel header tree. */
#include <string.h>

#include "lx.h"
#include <weft/kmem.h>
#include <kernel/linux/weft_ext.h>

void *weft_kx_krealloc(const void *p, size_t n, unsigned int gfp,
		       const struct weft_loc *loc)
{
	size_t old;
	void *q;

	if (!n) {
		if (p)
			weft_kfree(p, "krealloc", loc);
		return NULL;
	}
	/* A failed krealloc leaves the old block as it was, the caller's
	 * to keep or free. */
	q = weft_kmalloc(n, gfp, "krealloc", loc);
	if (!q)
		return NULL;
	old = p ? weft__lx_kmem_size(p) : 0;
	/* Reading the old block checks it is not freed; a block of 0 bytes
	 * (kcalloc(0, ...)) has nothing to read, and is no overrun. */
	if (p)
		weft__check_access(p, old < n ? old : n, false, loc);
	if (p) {
		memcpy(q, p, old < n ? old : n);
		weft_kfree(p, "krealloc", loc);
	}
	return q;
}
