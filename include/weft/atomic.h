/* weft/atomic.h - shared variables whose accesses are scheduling points.
 *
 * weft explores sequentially consistent interleavings: every operation here
 * is one indivisible step, and the explorer may switch threads before each.
 * A plain `counter++` split into weft_atomic_load and weft_atomic_store is
 * how a test exposes a lost update. */
#ifndef WEFT_ATOMIC_H
#define WEFT_ATOMIC_H

#include <weft/loc.h>

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

typedef struct weft_atomic {
	long v;
} weft_atomic_t;

#define WEFT_ATOMIC_INIT(x) { (x) }

long weft_atomic_load_at(weft_atomic_t *a, const struct weft_loc *loc);
void weft_atomic_store_at(weft_atomic_t *a, long v, const struct weft_loc *loc);
long weft_atomic_fetch_add_at(weft_atomic_t *a, long d, const struct weft_loc *loc);
long weft_atomic_exchange_at(weft_atomic_t *a, long v, const struct weft_loc *loc);
/* Compare-and-swap: returns 1 and stores desired when *a == *expected,
 * else returns 0 and writes the current value into *expected. */
int weft_atomic_cas_at(weft_atomic_t *a, long *expected, long desired,
		       const struct weft_loc *loc);

#define weft_atomic_load(a) weft_atomic_load_at((a), WEFT_HERE)
#define weft_atomic_store(a, v) weft_atomic_store_at((a), (v), WEFT_HERE)
#define weft_atomic_fetch_add(a, d) weft_atomic_fetch_add_at((a), (d), WEFT_HERE)
#define weft_atomic_exchange(a, v) weft_atomic_exchange_at((a), (v), WEFT_HERE)
#define weft_atomic_cas(a, e, d) weft_atomic_cas_at((a), (e), (d), WEFT_HERE)

#ifdef __cplusplus
}
#endif

#endif
