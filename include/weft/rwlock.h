/* weft/rwlock.h - reader/writer locks. */
#ifndef WEFT_RWLOCK_H
#define WEFT_RWLOCK_H

#include <weft/loc.h>

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

typedef struct weft_rwlock {
	int writer;        /* writer's thread id + 1, 0 when none */
	int readers;       /* number of read holders (which threads: a
			      table of weft's, src/sync/rwlock.c) */
	int cls;
	int prefer_writer; /* a writer that waits keeps new readers out
			      (glibc's PREFER_WRITER_NONRECURSIVE kind) */
	int writers_queued; /* writers waiting, for prefer_writer */
	const char *name;
	const struct weft_loc *acquired;
} weft_rwlock_t;

#define WEFT_RWLOCK_INIT { 0, 0, 0, 0, 0, 0, 0 }

void weft_rwlock_init(weft_rwlock_t *l, const char *name);

/* Acquire for reading (shared) or writing (exclusive); block while
 * incompatible holders exist.  Scheduling points. */
void weft_rwlock_rdlock_at(weft_rwlock_t *l, const struct weft_loc *loc);
void weft_rwlock_wrlock_at(weft_rwlock_t *l, const struct weft_loc *loc);
/* Non-blocking attempts: 0 on success, -EBUSY otherwise. */
int weft_rwlock_tryrdlock_at(weft_rwlock_t *l, const struct weft_loc *loc);
int weft_rwlock_trywrlock_at(weft_rwlock_t *l, const struct weft_loc *loc);
/* Release whichever hold the caller has; misuse if it holds none. */
void weft_rwlock_unlock_at(weft_rwlock_t *l, const struct weft_loc *loc);

#define weft_rwlock_rdlock(l) weft_rwlock_rdlock_at((l), WEFT_HERE)
#define weft_rwlock_wrlock(l) weft_rwlock_wrlock_at((l), WEFT_HERE)
#define weft_rwlock_tryrdlock(l) weft_rwlock_tryrdlock_at((l), WEFT_HERE)
#define weft_rwlock_trywrlock(l) weft_rwlock_trywrlock_at((l), WEFT_HERE)
#define weft_rwlock_unlock(l) weft_rwlock_unlock_at((l), WEFT_HERE)

#ifdef __cplusplus
}
#endif

#endif
