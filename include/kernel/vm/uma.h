/* vm/uma.h - weft's FreeBSD kernel header tree: uma(9) zones are not
 * modelled (malloc(9) is).  Their calls fail to compile, each naming
 * itself, rather than the header being missing. */
#ifndef WEFT_KERNEL_VM_UMA_H
#define WEFT_KERNEL_VM_UMA_H
#include <sys/weft_freebsd.h>

typedef struct weft_bsd_uma_zone *uma_zone_t;
WEFT_BSD_UNMODELLED("uma(9) zones (uma_zcreate, uma_zalloc, uma_zfree: "
		    "use malloc(9))")
void *weft_bsd_uma_unmodelled(void);
#define uma_zcreate(name, size, ctor, dtor, init, fini, align, flags)         \
	((uma_zone_t)weft_bsd_uma_unmodelled())
#define uma_zdestroy(z) weft_bsd_uma_unmodelled()
#define uma_zalloc(z, flags) weft_bsd_uma_unmodelled()
#define uma_zfree(z, item) weft_bsd_uma_unmodelled()
#define UMA_ALIGN_PTR 0
#define UMA_ALIGN_CACHE 0
#endif
