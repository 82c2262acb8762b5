/* src/sync/sync.h - helpers shared by the core synchronisation objects and
 * by the models built on them (kernel mutexes, pthread mutexes). */
#ifndef WEFT_SYNC_H
#define WEFT_SYNC_H

#include <stdio.h>

#include "internal.h"

const char *weft__mutex_name(weft_mutex_t *m);
int weft__mutex_class(weft_mutex_t *m, const struct weft_loc *loc);
/* The mutex operations with the name shown in traces ("mutex_lock",
 * "spin_lock", "pthread_mutex_lock", ...). */
void weft__mutex_lock(weft_mutex_t *m, const char *opname,
		      const struct weft_loc *loc);
int weft__mutex_trylock(weft_mutex_t *m, const char *opname,
			const struct weft_loc *loc);
void weft__mutex_unlock(weft_mutex_t *m, const char *opname,
			const struct weft_loc *loc);
void weft__mutex_check_held(weft_mutex_t *m, const char *opname,
			    const struct weft_loc *loc);
/* "mutex m held by T (taken at f:l)"; returns T's id or -1. */
int weft__lock_waitdesc(const char *what, const char *name, int owner,
			const struct weft_loc *at, char *buf, size_t n);
/* Condition wait with the names shown in traces.  Returns 0, or
 * -ETIMEDOUT when timed and the wait timed out. */
int weft__cond_wait(weft_cond_t *c, weft_mutex_t *m, int timed,
		    const char *opname, const struct weft_loc *loc);

#endif
