/* src/freebsd/malloc.c - malloc(9) and free(9) over weft's tracked heap.
 *
 * Blocks come from the core's tracked heap, so a late access is reported
 * as use-after-free and a block never freed as a leak.  free(9) asks the
 * heap for the block's size: freeing a block that still holds a
 * callout which is pending, running or about to migrate is the misuse
 * callout(9) warns about ("a callout should always be drained prior to
 * releasing the storage"), reported at the free rather than later.
 * malloc(M_NOWAIT) may return NULL, an explored choice. */
#include "freebsd/bsd.h"

struct weft_bsd_malloc_type weft_bsd_M_DEVBUF = { "devbuf" };
struct weft_bsd_malloc_type weft_bsd_M_TEMP = { "temp" };

static const char *tname(const struct weft_bsd_malloc_type *type)
{
	return type && type->shortdesc ? type->shortdesc : "malloc";
}

void *weft_bsd_malloc_at(size_t size, struct weft_bsd_malloc_type *type,
			 int flags, const struct weft_loc *loc)
{
	void *p;

	if ((flags & (WEFT_BSD_M_WAITOK | WEFT_BSD_M_NOWAIT)) ==
	    (WEFT_BSD_M_WAITOK | WEFT_BSD_M_NOWAIT))
		weft__fail(WEFT__K(MISUSE), loc,
			   "malloc with both M_WAITOK and M_NOWAIT");
	if (flags & WEFT_BSD_M_WAITOK)
		weft__bsd_may_sleep("malloc(M_WAITOK)", NULL, loc);
	/* UMA asserts it under INVARIANTS whatever the flags
	 * (uma_zalloc_debug: "called within spinlock or critical
	 * section"). */
	weft__bsd_no_section("malloc", "UMA may not be called there", loc);
	/* M_NOWAIT may return NULL when memory is short, as the search
	 * chooses (src/sched/alloc_fail.c); M_WAITOK sleeps until it can
	 * return a block. */
	if ((flags & WEFT_BSD_M_NOWAIT) &&
	    weft__alloc_fails("malloc(M_NOWAIT)", loc))
		return NULL;
	p = weft__malloc(size, (flags & WEFT_BSD_M_ZERO) != 0, tname(type),
			 loc);
	return p;
}

void weft_bsd_free_at(void *p, struct weft_bsd_malloc_type *type,
		      const struct weft_loc *loc)
{
	size_t n;

	/* Asserted before free(NULL) returns (free_dbg, with INVARIANTS). */
	weft__bsd_no_section("free", "UMA may not be called there", loc);
	if (!p)
		return;
	if (weft__heap_live_block(p, &n) == p && weft__bsd_callout_check_free)
		weft__bsd_callout_check_free(p, n, loc);
	weft__free_step(p, tname(type), loc);
}
