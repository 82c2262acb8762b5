/* weft/thread.h - test threads.
 *
 * Test threads are fibers scheduled by weft's explorer on one OS thread.
 * Spawning, joining and yielding are scheduling points. */
#ifndef WEFT_THREAD_H
#define WEFT_THREAD_H

#include <weft/loc.h>

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

typedef struct weft_thread {
	int id;
} weft_thread_t;

/* Start fn(arg) in a new test thread.  Never blocks; it is a scheduling
 * point, and everything the caller did before it happens before fn runs. */
weft_thread_t(weft_spawn)(void (*fn)(void *), void *arg);
weft_thread_t weft_spawn_at(void (*fn)(void *), void *arg, const char *name,
			    const struct weft_loc *loc);
#define weft_spawn(fn, arg) weft_spawn_at((fn), (arg), #fn, WEFT_HERE)

/* Wait until thread t has returned.  Blocks; everything t did happens
 * before weft_join returns.  Joining a thread twice is reported as misuse. */
void(weft_join)(weft_thread_t t);
void weft_join_at(weft_thread_t t, const struct weft_loc *loc);
#define weft_join(t) weft_join_at((t), WEFT_HERE)

/* Let other threads run.  Never blocks; a thread that yields is treated as
 * spinning, so the explorer prefers other threads and a loop that only
 * yields is reported as a livelock instead of hanging the exploration. */
void(weft_yield)(void);
void weft_yield_at(const struct weft_loc *loc);
#define weft_yield() weft_yield_at(WEFT_HERE)

/* The calling test thread's id (0 for the test body). */
int weft_self(void);

#ifdef __cplusplus
}
#endif

#endif
