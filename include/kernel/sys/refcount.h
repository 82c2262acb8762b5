/* sys/refcount.h - weft's FreeBSD kernel header tree: refcount(9) over
 * the compiler's atomics (as machine/atomic.h).  FreeBSD orders a release
 * with a release fence before a plain decrement and an acquire fence
 * after the one that drops the last reference; weft's atomics follow C11,
 * where the decrement itself, after the fence, would be ordered before
 * nothing, so the free after the last release raced with another
 * thread's earlier decrement of the same count (a false alarm on the
 * canonical lookup pattern).  Here the decrement is an acquire-release
 * read-modify-write: what the kernel's fences and its hardware give.
 * What FreeBSD's KASSERTs catch is a bug of kind `refcount` here: a
 * release of a count already at zero.  Never blocks. */
#ifndef WEFT_KERNEL_SYS_REFCOUNT_H
#define WEFT_KERNEL_SYS_REFCOUNT_H

#include <sys/weft_freebsd.h>

static inline void refcount_init(volatile u_int *count, u_int value)
{
	atomic_store_int(count, value);
}

static inline u_int refcount_load(volatile u_int *count)
{
	return atomic_load_int(count);
}

/* FreeBSD warns about no acquire: an object whose count is at zero is one
 * being freed, and the program's access to it is the use-after-free. */
static inline u_int refcount_acquiren(volatile u_int *count, u_int n)
{
	return atomic_fetchadd_int(count, n);
}

static inline u_int refcount_acquire(volatile u_int *count)
{
	return refcount_acquiren(count, 1);
}

static inline bool refcount_acquire_checked(volatile u_int *count)
{
	refcount_acquire(count);
	return true;
}

/* A compare-exchange loop, as FreeBSD's: false when the count is zero. */
static inline bool refcount_acquire_if_not_zero(volatile u_int *count)
{
	u_int old = atomic_load_int(count);

	for (;;) {
		if (old == 0)
			return false;
		if (atomic_fcmpset_int(count, &old, old + 1))
			return true;
	}
}

/* Whether this release dropped the last reference. */
#define refcount_releasen(count, n)                                           \
	weft_bsd_refcount_releasen((count), (n), WEFT_HERE)
#define refcount_release(count) refcount_releasen((count), 1)
static inline bool weft_bsd_refcount_releasen(volatile u_int *count, u_int n,
					      const struct weft_loc *loc)
{
	u_int old = __atomic_fetch_sub(count, n, __ATOMIC_ACQ_REL);

	if (old < n)
		weft_report("refcount", loc,
			    "refcount_release on a reference count of %u: "
			    "underflow, the reference was already dropped",
			    old);
	return old == n;
}

/* Drop a reference unless it is the last: false, the count unchanged,
 * when it is. */
static inline bool refcount_release_if_not_last(volatile u_int *count)
{
	u_int old = atomic_load_int(count);

	for (;;) {
		/* FreeBSD's refcount_release_if_gt(count, 1): false at 0
		 * too, without a warning. */
		if (old <= 1)
			return false;
		if (__atomic_compare_exchange_n(count, &old, old - 1, 1,
						__ATOMIC_ACQ_REL,
						__ATOMIC_RELAXED))
			return true;
	}
}

/* Drop the last reference only: true when the count went from 1 to 0. */
static inline bool refcount_release_if_last(volatile u_int *count)
{
	u_int old = atomic_load_int(count);

	for (;;) {
		if (old != 1)
			return false;
		if (__atomic_compare_exchange_n(count, &old, 0, 1,
						__ATOMIC_ACQ_REL,
						__ATOMIC_RELAXED))
			return true;
	}
}

#endif
