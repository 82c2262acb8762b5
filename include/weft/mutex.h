/* weft/mutex.h - mutual exclusion. */
#ifndef WEFT_MUTEX_H
#define WEFT_MUTEX_H

#include <weft/loc.h>

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

/* A mutex's state lives in the object itself, so a static mutex starts each
 * execution unlocked (statics are reset) and needs no registration.  The
 * fields are weft's; tests use only the functions below. */
typedef struct weft_mutex {
	int owner;            /* holder's thread id + 1, 0 when free */
	int depth;            /* recursion depth for recursive mutexes */
	int kind;             /* WEFT_MUTEX_NORMAL, _RECURSIVE, _ERRORCHECK */
	int cls;              /* lock-order class + 1, assigned on first use */
	const char *name;     /* name for reports; NULL: found from symbols */
	const struct weft_loc *acquired; /* where the holder took it */
} weft_mutex_t;

enum { WEFT_MUTEX_NORMAL, WEFT_MUTEX_RECURSIVE, WEFT_MUTEX_ERRORCHECK };

#define WEFT_MUTEX_INIT { 0, 0, WEFT_MUTEX_NORMAL, 0, 0, 0 }
#define WEFT_MUTEX_INIT_NAMED(n) { 0, 0, WEFT_MUTEX_NORMAL, 0, (n), 0 }

/* Initialise m; name may be NULL.  Not a scheduling point. */
void weft_mutex_init(weft_mutex_t *m, const char *name);

/* Acquire m, blocking while another thread holds it.  A scheduling point;
 * the previous holder's critical section happens before the caller's. */
void(weft_mutex_lock)(weft_mutex_t *m);
void weft_mutex_lock_at(weft_mutex_t *m, const struct weft_loc *loc);
#define weft_mutex_lock(m) weft_mutex_lock_at((m), WEFT_HERE)

/* Acquire m if it is free and return 0, else return -EBUSY without
 * blocking.  A scheduling point; a failed attempt counts as spinning. */
int(weft_mutex_trylock)(weft_mutex_t *m);
int weft_mutex_trylock_at(weft_mutex_t *m, const struct weft_loc *loc);
#define weft_mutex_trylock(m) weft_mutex_trylock_at((m), WEFT_HERE)

/* Release m.  Never blocks; a scheduling point.  Unlocking a mutex the
 * caller does not hold is reported as misuse. */
void(weft_mutex_unlock)(weft_mutex_t *m);
void weft_mutex_unlock_at(weft_mutex_t *m, const struct weft_loc *loc);
#define weft_mutex_unlock(m) weft_mutex_unlock_at((m), WEFT_HERE)

/* Destroying a locked mutex is reported as misuse.  Not a scheduling point. */
void(weft_mutex_destroy)(weft_mutex_t *m);
void weft_mutex_destroy_at(weft_mutex_t *m, const struct weft_loc *loc);
#define weft_mutex_destroy(m) weft_mutex_destroy_at((m), WEFT_HERE)

#ifdef __cplusplus
}
#endif

#endif
