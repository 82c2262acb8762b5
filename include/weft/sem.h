/* weft/sem.h - counting semaphores. */
#ifndef WEFT_SEM_H
#define WEFT_SEM_H

#include <weft/loc.h>

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

typedef struct weft_sem {
	long count;
	int cls;
	const char *name;
} weft_sem_t;

#define WEFT_SEM_INIT(n) { (n), 0, 0 }

void weft_sem_init(weft_sem_t *s, long value, const char *name);

/* Decrement, blocking while the count is zero.  Scheduling point; the
 * matching post happens before the wait returns. */
void weft_sem_wait_at(weft_sem_t *s, const struct weft_loc *loc);
/* Decrement if positive and return 0, else -EAGAIN.  Never blocks. */
int weft_sem_trywait_at(weft_sem_t *s, const struct weft_loc *loc);
/* Increment and wake a waiter.  Never blocks. */
void weft_sem_post_at(weft_sem_t *s, const struct weft_loc *loc);

#define weft_sem_wait(s) weft_sem_wait_at((s), WEFT_HERE)
#define weft_sem_trywait(s) weft_sem_trywait_at((s), WEFT_HERE)
#define weft_sem_post(s) weft_sem_post_at((s), WEFT_HERE)

#ifdef __cplusplus
}
#endif

#endif
