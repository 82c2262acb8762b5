// A slab cache destroyed while an object of it is still to be freed:
// kmem_cache_free after kmem_cache_destroy uses the destroyed cache.  The
// model's kmem_cache_free never looked at its cache, and this was
// verified.  The destroy itself is the first bug now, the object being
// still allocated (cache_destroy_live_*); kmem_cache_free's use of the
// destroyed cache is found after it.  cache_destroy_ok.c frees the
// object first.
//! expect: bug misuse
#include <linux/slab.h>

struct flow {
	int key;
};

WEFT_TEST(free_after_destroy)
{
	struct kmem_cache *c = KMEM_CACHE(flow, 0);
	struct flow *f = kmem_cache_alloc(c, GFP_KERNEL);

#ifdef CACHE_FIXED
	kmem_cache_free(c, f);
	kmem_cache_destroy(c);
#else
	kmem_cache_destroy(c);
	kmem_cache_free(c, f);	/* BUG */
#endif
}
