/* weft/cond.h - condition variables. */
#ifndef WEFT_COND_H
#define WEFT_COND_H

#include <weft/loc.h>
#include <weft/mutex.h>

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

typedef struct weft_cond {
	const char *name;
	int cls;
} weft_cond_t;

#define WEFT_COND_INIT { 0, 0 }

void weft_cond_init(weft_cond_t *c, const char *name);

/* Atomically release m and wait for a signal, then re-acquire m.  Blocks.
 * A spurious wakeup (one per thread and execution, at most) is an
 * explored choice, so code that does not re-check its predicate in a loop
 * is caught.  With timed != 0 the wait may also time out (an explored
 * choice); the result is then -ETIMEDOUT.  A timed wait woken without a
 * signal is explored both ways: timed out, and woken spuriously (0). */
void(weft_cond_wait)(weft_cond_t *c, weft_mutex_t *m);
int weft_cond_wait_at(weft_cond_t *c, weft_mutex_t *m, int timed,
		      const struct weft_loc *loc);
#define weft_cond_wait(c, m) ((void)weft_cond_wait_at((c), (m), 0, WEFT_HERE))
#define weft_cond_timedwait(c, m) weft_cond_wait_at((c), (m), 1, WEFT_HERE)

/* Wake one waiter (which one is an explored choice) or all waiters.  Never
 * block; scheduling points.  The signaller's past happens before the
 * woken thread's return from weft_cond_wait. */
void(weft_cond_signal)(weft_cond_t *c);
void weft_cond_signal_at(weft_cond_t *c, const struct weft_loc *loc);
#define weft_cond_signal(c) weft_cond_signal_at((c), WEFT_HERE)
void(weft_cond_broadcast)(weft_cond_t *c);
void weft_cond_broadcast_at(weft_cond_t *c, const struct weft_loc *loc);
#define weft_cond_broadcast(c) weft_cond_broadcast_at((c), WEFT_HERE)

#ifdef __cplusplus
}
#endif

#endif
