/* weft/alloc.h - tracked heap memory.
 *
 * Memory from weft_malloc lives only for one execution: every execution
 * starts with an empty heap.  Freed blocks stay in quarantine until the
 * execution ends, so a late access through weft_check_access (or any
 * instrumented access) is reported as use-after-free, a second free as
 * double-free, and blocks still allocated at the end as leak. */
#ifndef WEFT_ALLOC_H
#define WEFT_ALLOC_H

#include <stddef.h>
#include <weft/loc.h>

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

/* Never block; not scheduling points. */
void *weft_malloc_at(size_t n, int zero, const char *what,
		     const struct weft_loc *loc);
void weft_free_at(void *p, const struct weft_loc *loc);
/* Report use-after-free when [p, p+n) is freed tracked memory. */
void weft_check_access_at(const void *p, size_t n, int write,
			  const struct weft_loc *loc);

#define weft_malloc(n) weft_malloc_at((n), 0, 0, WEFT_HERE)
#define weft_zalloc(n) weft_malloc_at((n), 1, 0, WEFT_HERE)
#define weft_free(p) weft_free_at((p), WEFT_HERE)
#define weft_check_access(p, n, w) weft_check_access_at((p), (n), (w), WEFT_HERE)

#ifdef __cplusplus
}
#endif

#endif
