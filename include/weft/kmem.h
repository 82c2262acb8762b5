/* weft/kmem.h - kernel-style allocation on the tracked heap.
 *
 * Blocks come from weft's tracked heap (use-after-free, double-free and
 * leak are reported, freed memory stays in quarantine).  An allocation that
 * may sleep (GFP_KERNEL) in atomic context is reported as misuse.  One
 * that does not sleep (GFP_ATOMIC, GFP_NOWAIT), or asks for no retry
 * (__GFP_NORETRY, __GFP_RETRY_MAYFAIL), may return NULL, as the search
 * chooses (--alloc-fail); GFP_KERNEL and __GFP_NOFAIL ones never do.
 * Freeing memory that an RCU reader obtained inside its still-open read
 * section is reported as use-after-free at the free. */
#ifndef WEFT_KMEM_H
#define WEFT_KMEM_H

#include <stddef.h>
#include <weft/loc.h>
#include <weft/rcu.h>

#define WEFT_GFP_ATOMIC 0u
#define WEFT_GFP_KERNEL 1u   /* may sleep */
#define WEFT_GFP_ZERO   2u
#define WEFT_GFP_NORETRY 4u  /* may fail though it may sleep */
#define WEFT_GFP_NOFAIL 8u   /* never fails */
#define WEFT_GFP_NOWAIT 16u  /* GFP_NOWAIT: as GFP_ATOMIC, named apart */
#define WEFT_GFP_RETRY_MAYFAIL 32u /* as WEFT_GFP_NORETRY, named apart */

/* NULL when the allocation may fail (above) and the search chooses so
 * (a scheduling point then, the choice's step; never otherwise). */
void *weft_kmalloc(size_t n, unsigned int gfp, const char *what,
		   const struct weft_loc *loc);
void weft_kfree(const void *p, const char *what, const struct weft_loc *loc);

/* A SLAB_TYPESAFE_BY_RCU cache's objects freed within a grace period:
 * their memory stays an object of the cache until the period ends (a
 * reader inside a read section may still read it), and the cache may
 * hand one out again at once.  Lives in the cache (struct kmem_cache of
 * <linux/slab.h>); zeroed is empty. */
#define WEFT_SLAB_RCU_MAX 16
struct weft_slab_rcu {
	struct weft_rcu_head head[WEFT_SLAB_RCU_MAX]; /* kfree_base: the
							 object */
};
/* kmem_cache_alloc of such a cache: a fresh object (made by weft_kmalloc
 * with gfp, ctor run on it), or, as the search chooses, one of those
 * freed within the current grace period, as it was (zeroed when gfp has
 * WEFT_GFP_ZERO; the constructor is not run again, as in the kernel).
 * May sleep (GFP_KERNEL); a choice point when an object may be reused. */
void *weft_slab_rcu_alloc(struct weft_slab_rcu *s, size_t size,
			  unsigned int gfp, void (*ctor)(void *),
			  const struct weft_loc *loc);
/* kmem_cache_free of such a cache: p stays readable until a grace
 * period has elapsed, and is freed then unless it was handed out again.
 * A scheduling point (the grace period's start).  Freeing an object that
 * is already free is a double free. */
void weft_slab_rcu_free(struct weft_slab_rcu *s, void *p,
			const struct weft_loc *loc);

/* An object of the cache keyed by cache (kmem_cache_alloc), for the
 * check of weft_kmem_cache_destroy_check.  Never blocks; no step. */
void weft_kmem_cache_note(const void *cache, const void *obj);
/* kmem_cache_destroy of the cache keyed by cache (named name): an object
 * of it still allocated, freed neither by kmem_cache_free nor by kfree,
 * is misuse (the kernel's "Slab cache still has objects" warning; the
 * object would point into a destroyed cache).  Never blocks. */
void weft_kmem_cache_destroy_check(const void *cache, const char *name,
				   const struct weft_loc *loc);

/* A model object declared in the caller's stack frame with a static
 * initializer (DECLARE_COMPLETION_ONSTACK): its life ends when the
 * function returns, and a model's use of it after that is reported as
 * use-after-free, as the objects set up by an init call in a frame are.
 * Returns obj.  Never a scheduling point. */
void *weft_kobj_onstack(void *obj, size_t n, int kind,
			const struct weft_loc *loc);
/* The kinds weft_kobj_onstack takes. */
enum { WEFT_KOBJ_COMPLETION, WEFT_KOBJ_WAITQ };
/* The end of the scope of the object *(void **)pobj points to (the
 * cleanup of the pointer the _ONSTACK declarations keep): its life ends
 * there, even when its function was inlined into its caller.  Never a
 * scheduling point. */
void weft_kobj_scope_end(void *pobj);

#endif
