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
	if (p)
		weft__check_access(p, 1, false, loc);
	old = p ? weft__lx_kmem_size(p) : 0;
	q = weft_kmalloc(n, gfp, "krealloc", loc);
	if (p) {
		memcpy(q, p, old < n ? old : n);
		weft_kfree(p, "krealloc", loc);
	}
	return q;
}
