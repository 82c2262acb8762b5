/* weft/katomic.h - kernel-style atomics, bit operations, marked accesses
 * and barriers.
 *
 * Each operation is one indivisible step and a scheduling point on the
 * object it touches (reads are READ accesses for partial-order reduction),
 * so a check-then-act split over two operations exposes its race.  All
 * check the memory against the tracked heap (use-after-free).  None block. */
#ifndef WEFT_KATOMIC_H
#define WEFT_KATOMIC_H

#include <stddef.h>
#include <weft/loc.h>

typedef struct weft_katomic {
	int counter;
} weft_katomic_t;

typedef struct weft_katomic_long {
	long counter;
} weft_katomic_long_t;

/* Operations on an int or long counter (size is sizeof the counter). */
enum {
	WEFT_KA_READ, WEFT_KA_SET, WEFT_KA_ADD, WEFT_KA_XCHG, WEFT_KA_CMPXCHG,
	WEFT_KA_ADD_UNLESS,
};
/* Returns the value before the operation (for READ: the value). */
long weft_katomic_op(void *counter, size_t size, int op, long a, long b,
		     const char *what, const struct weft_loc *loc);

/* Bit operations on an array of unsigned long.  Return the old bit. */
enum { WEFT_KB_TEST, WEFT_KB_SET, WEFT_KB_CLEAR, WEFT_KB_CHANGE };
int weft_kbit_op(unsigned long *addr, long nr, int op, const char *what,
		 const struct weft_loc *loc);

/* A marked access to [p, p+n): check the heap and take a scheduling point
 * on p (write: a WRITE access).  The caller then performs the access.
 * For an xchg (what names it: "xchg", "xchg_relaxed" ...) that access is
 * a C11 read-modify-write, which the fully ordered form ("xchg") makes a
 * full barrier too (see weft_kbarrier); so does weft_kcas's cmpxchg
 * when it stores. */
void weft_kaccess(const void *p, size_t n, int write, const char *what,
		  const struct weft_loc *loc);
/* The marked access of a cmpxchg of the n bytes at p, which the caller
 * then performs: a write if they equal the n bytes at expect, else only
 * a read (a failed cmpxchg writes nothing).  Does not block. */
void weft_kcas(const void *p, size_t n, const void *expect, const char *what,
	       const struct weft_loc *loc);
/* READ_ONCE and WRITE_ONCE of the n bytes at p (at most 8): the marked
 * access and the copy from or to buf, made here, so that the access
 * orders as the kernel's memory model says (WRITE_ONCE nothing before
 * it but what a fence ordered, READ_ONCE acquiring) rather than as the
 * C11 atomic the program's code would make of it.  Never blocks; a
 * scheduling point on p.  An access in the first 64 KiB, where nothing
 * is mapped (through a null pointer), is the crash it would be, at loc. */
void weft_konce(void *p, void *buf, size_t n, int write,
		const struct weft_loc *loc);

/* A memory barrier: a scheduling point.  smp_mb, mb,
 * smp_mb__before_atomic and smp_mb__after_atomic (and so
 * smp_mb__after_spinlock, smp_mb__after_unlock_lock) are full barriers:
 * in a program that loads C11 atomics (smp_load_acquire), a seq_cst
 * fence for them, as the fully ordered atomics are; every barrier but
 * smp_rmb is a release fence for the kernel atomics after it.  Does not
 * block otherwise. */
void weft_kbarrier(const char *what, const struct weft_loc *loc);
/* A busy wait (udelay, mdelay, FreeBSD's DELAY): a scheduling point that
 * orders nothing and changes nothing, a round of a spin as cpu_relax's,
 * so a loop of them waiting for a thread that cannot run is a livelock.
 * Does not block. */
void weft_kdelay(const char *what, const struct weft_loc *loc);

#endif
