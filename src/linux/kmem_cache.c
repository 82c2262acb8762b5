/* src/linux/kmem_cache.c - kmem_cache_destroy's check that the cache has
 * no object left.  The kernel warns ("Slab cache still has objects") and
 * the objects point into a cache that is gone; weft reported only a later
 * kmem_cache_free of one, and a destroy with an object still held was
 * verified (a probe of kernel patterns).  The objects are kept here per
 * execution, with their cache; the tracked heap says which are still
 * allocated, however they were freed (kmem_cache_free, or kfree, which
 * the kernel allows for them). */
#include "lx.h"
#include <weft/kmem.h>

#define MAX_OBJS 512

static struct {
	const void *cache, *obj;
} objs[MAX_OBJS];
static int nobjs;
static long gen = -1;
/* More objects than the table holds: the check is not made. */
static bool overflow;

static void fresh(void)
{
	if (gen == weft__exec_gen())
		return;
	gen = weft__exec_gen();
	nobjs = 0;
	overflow = false;
}

void weft_kmem_cache_note(const void *cache, const void *obj)
{
	fresh();
	if (!obj)
		return;
	for (int i = 0; i < nobjs; i++)
		if (objs[i].obj == obj) {
			objs[i].cache = cache;
			return;
		}
	if (nobjs == MAX_OBJS) {
		overflow = true;
		return;
	}
	objs[nobjs].cache = cache;
	objs[nobjs++].obj = obj;
}

void weft_kmem_cache_destroy_check(const void *cache, const char *name,
				   const struct weft_loc *loc)
{
	int live = 0;
	const void *first = NULL;
	size_t n;

	fresh();
	if (overflow)
		return;
	/* A step on each of the cache's objects, then a look at whether
	 * it is still allocated, so that the explorer orders the look
	 * against the object's free (a kfree, which the kernel allows for
	 * cache objects, steps on the object only): as a look at the heap
	 * alone, a destroy before another thread's kfree was never tried (a
	 * review's probe). */
	for (int i = 0; i < nobjs; i++) {
		if (objs[i].cache != cache)
			continue;
		weft__point("kmem_cache_destroy", objs[i].obj,
			    name ? name : "kmem_cache", WEFT__ACC_READ, loc);
		if (weft__heap_live_block(objs[i].obj, &n) == objs[i].obj &&
		    !live++)
			first = objs[i].obj;
	}
	if (live)
		weft__fail(WEFT__K(MISUSE), loc,
			   "kmem_cache_destroy(%s) with %d object%s still "
			   "allocated (%s): the kernel warns \"Slab cache "
			   "still has objects\", and they point into a cache "
			   "that is gone",
			   name ? name : "?", live, live == 1 ? "" : "s",
			   weft__objname(first, "object"));
}
