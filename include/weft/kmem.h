/* weft/kmem.h - kernel-style allocation on the tracked heap.
 *
 * Blocks come from weft's tracked heap (use-after-free, double-free and
 * leak are reported, freed memory stays in quarantine).  An allocation that
 * may sleep (GFP_KERNEL) in atomic context is reported as misuse.  Freeing
 * memory that an RCU reader obtained inside its still-open read section is
 * reported as use-after-free at the free. */
#ifndef WEFT_KMEM_H
#define WEFT_KMEM_H

#include <stddef.h>
#include <weft/loc.h>

#define WEFT_GFP_ATOMIC 0u
#define WEFT_GFP_KERNEL 1u   /* may sleep */
#define WEFT_GFP_ZERO   2u

/* Never a scheduling point. */
void *weft_kmalloc(size_t n, unsigned int gfp, const char *what,
		   const struct weft_loc *loc);
void weft_kfree(const void *p, const char *what, const struct weft_loc *loc);

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
