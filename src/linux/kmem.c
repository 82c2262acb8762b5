/* src/linux/kmem.c - kmalloc and kfree on the tracked heap.
 *
 * The tracked heap reports use-after-free, double-free and leaks; this
 * layer adds the kernel's rules: a GFP_KERNEL allocation may sleep, one
 * that does not sleep may fail (an explored choice, alloc_fail.c), and
 * kfree must not free memory that an RCU reader may still be using.  For
 * the latter (and for naming krefs never released) it asks the tracked
 * heap for a block's start and size (weft__heap_live_block).  Operations
 * on memory inside a block need no mapping to the block here: the core
 * treats each one as a use of its block, and kfree's free step as a write
 * of the whole block. */
#include <stdint.h>
#include <string.h>

#include "lx.h"
#include <weft/kmem.h>
#include <weft/test.h>

/* A kmalloc block's size, from the tracked heap: 1 for an address that
 * starts no live block (kfree of a pointer into a block, or of one
 * already freed, which the heap reports). */
size_t weft__lx_kmem_size(const void *p)
{
	size_t n;

	return weft__heap_live_block(p, &n) == p ? n : 1;
}

/* The flag that lets an allocation with gfp fail, for its name in a
 * trace, or NULL when it cannot: __GFP_NOFAIL never fails, and a
 * blocking one (__GFP_DIRECT_RECLAIM, which GFP_KERNEL has) only when it
 * asks not to retry (the kernel retries small ones until they
 * succeed). */
static const char *may_fail(unsigned int gfp)
{
	if (gfp & WEFT_GFP_NOFAIL)
		return NULL;
	if (gfp & WEFT_GFP_NORETRY)
		return "__GFP_NORETRY";
	if (gfp & WEFT_GFP_RETRY_MAYFAIL)
		return "__GFP_RETRY_MAYFAIL";
	if (gfp & WEFT_GFP_KERNEL)
		return NULL;
	return gfp & WEFT_GFP_NOWAIT ? "GFP_NOWAIT" : "GFP_ATOMIC";
}

void *weft_kmalloc(size_t n, unsigned int gfp, const char *what,
		   const struct weft_loc *loc)
{
	const char *flag = may_fail(gfp);

	what = what ? what : "kmalloc";
	if (gfp & WEFT_GFP_KERNEL)
		weft_might_sleep(what, "GFP_KERNEL", loc);
	/* After the context check: an allocation that may sleep where it
	 * must not is misuse whether or not it would have failed. */
	if (flag && weft__alloc_fails(weft__internf("%s(%s)", what, flag),
				      loc))
		return NULL;
	return weft__malloc(n, (gfp & WEFT_GFP_ZERO) != 0, what, loc);
}

/* The objects worth handing out again: those freed within a grace period
 * that a reader still inside its section holds up.  Once no reader that
 * began before the free is left, no reader can see the reuse, and a fresh
 * object explores the same (the freed one goes after the period):
 * offering every freed object made a single-threaded alloc/free loop of
 * six rounds 85,896 schedules (a review). */
static int reusable(const struct weft_slab_rcu *s, int *avail)
{
	int n = 0;

	for (int i = 0; i < WEFT_SLAB_RCU_MAX; i++)
		if (s->head[i].typesafe == 1 &&
		    weft__lx_rcu_blocking_reader(&weft__lx_rcu_classic,
						 s->head[i].stamp) >= 0)
			avail[n++] = i;
	return n;
}

void *weft_slab_rcu_alloc(struct weft_slab_rcu *s, size_t size,
			  unsigned int gfp, void (*ctor)(void *),
			  const struct weft_loc *loc)
{
	int avail[WEFT_SLAB_RCU_MAX], n = reusable(s, avail), slot = -1;
	void *p;

	/* Reuse is what the cache's readers must be ready for: an object
	 * they found may have become another one since.  The choice and the
	 * step after it are scheduling points, at which the callback thread
	 * may free the object: what is reusable is asked again after each
	 * (a freed block was handed out; a review). */
	if (n) {
		int k = weft_choose_at(n + 1, loc);
		n = reusable(s, avail);
		if (k && k <= n)
			slot = avail[k - 1];
	}
	if (slot >= 0) {
		/* Taken from the freelist its free put it on (a step on the
		 * slot, which the free released): ordered after the free, as
		 * the allocator's own locking orders it. */
		weft__point("kmem_cache_alloc", &s->head[slot], NULL,
			    WEFT__ACC_WRITE, loc);
		if (s->head[slot].typesafe != 1)
			slot = -1;
	}
	if (slot < 0) {
		p = weft_kmalloc(size, gfp, "kmem_cache_alloc", loc);
		if (p && ctor)
			ctor(p);
		return p;
	}
	if (gfp & WEFT_GFP_KERNEL)
		weft_might_sleep("kmem_cache_alloc", "GFP_KERNEL", loc);
	s->head[slot].typesafe = 2;
	p = s->head[slot].kfree_base;
	if (gfp & WEFT_GFP_ZERO) {
		/* The program's own write, for the race detector: readers
		 * may still be reading the old object. */
		weft__race_model_access(p, size, true, loc);
		memset(p, 0, size);
	}
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
	/* Checked in the free's step: a holder that unlocks before it is
	 * no bug. */
	weft__lx_held_freed_check(p, n, loc);
	/* Then the RCU rule, in a step on the RCU state so that readers'
	 * section ends are ordered against it: a reader still inside the
	 * section in which it obtained a pointer into the block may use it.
	 * Only addresses are compared, so the block being freed already
	 * does not matter. */
	weft__lx_rcu_check_free(p, n, loc);
}

void *weft_kobj_onstack(void *obj, size_t n, int kind,
			const struct weft_loc *loc)
{
	weft__frame_obj_init(obj, n,
			     kind == WEFT_KOBJ_WAITQ ? &weft__lx_waitq_kind
						     : &weft__lx_completion_kind,
			     NULL, loc);
	return obj;
}

void weft_kobj_scope_end(void *pobj)
{
	weft__frame_obj_end(*(void **)pobj);
}
