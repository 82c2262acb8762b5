/* weft/linux/mem.h - part of <weft/linux.h>:
 * memory.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_MEM_H
#define WEFT_LINUX_MEM_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

#define GFP_KERNEL WEFT_GFP_KERNEL
#define GFP_NOFS WEFT_GFP_KERNEL
#define GFP_NOIO WEFT_GFP_KERNEL
#define GFP_ATOMIC WEFT_GFP_ATOMIC
#define GFP_NOWAIT WEFT_GFP_NOWAIT
#define __GFP_ZERO WEFT_GFP_ZERO
#define __GFP_NORETRY WEFT_GFP_NORETRY
#define __GFP_RETRY_MAYFAIL WEFT_GFP_RETRY_MAYFAIL
#define __GFP_NOFAIL WEFT_GFP_NOFAIL

#define kmalloc(n, gfp) weft_kmalloc((n), (gfp), "kmalloc", WEFT_HERE)
#define kzalloc(n, gfp)                                                       \
	weft_kmalloc((n), (gfp) | WEFT_GFP_ZERO, "kzalloc", WEFT_HERE)
#define kcalloc(n, size, gfp)                                                 \
	weft_kmalloc((n) * (size), (gfp) | WEFT_GFP_ZERO, "kcalloc", WEFT_HERE)
#define kmalloc_array(n, size, gfp)                                           \
	weft_kmalloc((n) * (size), (gfp), "kmalloc_array", WEFT_HERE)
#define kvmalloc(n, gfp) weft_kmalloc((n), (gfp), "kvmalloc", WEFT_HERE)
#define kvzalloc(n, gfp)                                                      \
	weft_kmalloc((n), (gfp) | WEFT_GFP_ZERO, "kvzalloc", WEFT_HERE)
#define vmalloc(n) weft_kmalloc((n), WEFT_GFP_KERNEL, "vmalloc", WEFT_HERE)
#define vzalloc(n)                                                            \
	weft_kmalloc((n), WEFT_GFP_KERNEL | WEFT_GFP_ZERO, "vzalloc", WEFT_HERE)
#define kfree(p) weft_kfree((p), "kfree", WEFT_HERE)
#define kvfree(p) weft_kfree((p), "kvfree", WEFT_HERE)
/* vfree may sleep (vunmap) unless in interrupt context, where the kernel
 * defers the free to a work; it checks even a NULL pointer. */
#define vfree(p)                                                              \
	(weft_might_sleep_in_task("vfree", NULL, WEFT_HERE),                  \
	 weft_kfree((p), "vfree", WEFT_HERE))
#define kfree_sensitive(p) weft_kfree((p), "kfree_sensitive", WEFT_HERE)
#define kmemdup(src, n, gfp)                                                  \
	(__extension__({                                                      \
		size_t weft_n_ = (n);                                         \
		void *weft_d_ = weft_kmalloc(weft_n_, (gfp), "kmemdup",       \
					     WEFT_HERE);                      \
		if (weft_d_)                                                  \
			memcpy(weft_d_, (src), weft_n_);                      \
		weft_d_;                                                      \
	}))

#endif
