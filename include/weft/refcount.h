/* weft/refcount.h - reference counts (refcount_t and kref).
 *
 * Every operation is a scheduling point on the counter, checks that the
 * counter's memory is not freed (use-after-free), and reports kind
 * `refcount` for the mistakes the kernel's refcount_t saturates on:
 * incrementing from zero, decrementing to below zero, or dropping the last
 * reference with an operation that must not (refcount_dec).  A kref
 * initialised in tracked memory that is never released by the end of the
 * test is reported as a leak, with its init site. */
#ifndef WEFT_REFCOUNT_H
#define WEFT_REFCOUNT_H

#include <weft/loc.h>

struct weft_refcount {
	int refs;
	unsigned char saturated;
};

#define WEFT_REFCOUNT_INIT(n) { (n), 0 }

/* Never block. */
void weft_refcount_set(struct weft_refcount *r, int n,
		       const struct weft_loc *loc);
int weft_refcount_read(struct weft_refcount *r, const struct weft_loc *loc);
/* delta > 0: increment; it is an error when the count was zero, unless
 * not_zero is set, in which case nothing happens and 0 is returned.
 * delta < 0: decrement; returns 1 when the count reached zero; when
 * may_hit_zero is 0, reaching zero is an error (refcount_dec). */
int weft_refcount_add(struct weft_refcount *r, int delta, int not_zero,
		      int may_hit_zero, const char *what,
		      const struct weft_loc *loc);
/* Decrement unless the count is one (the kernel's refcount_dec_not_one,
 * the lockless first half of refcount_dec_and_lock): returns 1 when it
 * decremented, 0 when the count was one and is left to the caller, who
 * takes the lock and drops the last reference under it.  Never blocks;
 * one step on the counter. */
int weft_refcount_dec_not_one(struct weft_refcount *r, const char *what,
			      const struct weft_loc *loc);

struct weft_kref {
	struct weft_refcount refcount;
};

/* kref_init: count 1, and remember the object for the leak check. */
void weft_kref_init(struct weft_kref *k, const struct weft_loc *loc);
/* Drop a reference; when it was the last one, call release(k) and return
 * 1.  Never blocks by itself (release may). */
int weft_kref_put(struct weft_kref *k, void (*release)(struct weft_kref *),
		  const struct weft_loc *loc);

#endif
