/* src/tsan/tsan.h - helpers shared by the __tsan_* entry points. */
#ifndef WEFT_TSAN_H
#define WEFT_TSAN_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "detect/race.h"

/* The return address of the entry point that expands it: the program's
 * call site, where a report places the access. */
#define WEFT__CALLER_PC() ((uintptr_t)__builtin_return_address(0))

/* A plain read (weft__tsan_rd) or write (weft__tsan_wr) of the n bytes at
 * p that a C library call made for the program, at its call site pc, for
 * the race detector; nothing for an empty or absent range.  Not a
 * scheduling point.  Each file of the entry points names them rd and
 * wr. */
static inline void weft__tsan_rd(const void *p, size_t n, uintptr_t pc)
{
	if (p && n)
		weft__race_access(p, n, 0, pc);
}

static inline void weft__tsan_wr(const void *p, size_t n, uintptr_t pc)
{
	if (p && n)
		weft__race_access(p, n, WEFT__RACE_WRITE, pc);
}

/* The memory order gcc passes with its x86 lock-elision hints
 * (__ATOMIC_HLE_ACQUIRE and _RELEASE, bits 16 and 17) still set: the
 * order is the low bits.  Unmasked, a lock taken with an acquire
 * exchange and HLE_ACQUIRE counted as relaxed, and the counter it guards
 * was a false data race (a probe); ThreadSanitizer masks them too. */
#define WEFT__MO(mo) ((mo) & 0xffff)

/* The stores a scanf-family call made through its arguments ap (a copy
 * taken before the call), for format fmt and the call's result assigned:
 * each recorded as a write at pc (scanfmt.c); gnu: the GNU family, whose
 * %as allocates.  Not a scheduling point. */
void weft__scan_stores(const char *fmt, va_list ap, int assigned, bool gnu,
		       uintptr_t pc);

/* The step of an atomic or volatile access of n bytes at a (0: an
 * annotation's address), with the clock order ord (atomic.c).  A
 * scheduling point. */
void weft__tsan_step(const volatile void *a, unsigned n, bool write,
		     uint8_t ord, const char *name, uintptr_t pc);

/* Name the C library's result buffer r (n bytes) for reports, as the
 * state it stands for (name); *named is the buffer named last, so one
 * that every call returns is named once (libc_state.c). */
void weft__tsan_name_result(const void **named, const void *r, size_t n,
			    const char *name);

/* What a comparison of strings a and b within n bytes reads of each: the
 * common prefix and the byte that ends it (the first difference or the
 * shared terminator), as strcmp does (string.c). */
size_t weft__tsan_compared(const char *a, const char *b, size_t n);

/* The C11 memory model of atomics (weak.c); each is called by the
 * running test thread right after the operation's step, before memory is
 * changed.  weft__weak_load may replace the n bytes at v (the value memory
 * holds) with an older store's and makes an explored choice of it;
 * weft__weak_store and weft__weak_rmw record the store of the n bytes at
 * v (an rmw is a store even when it leaves the value as it was: C11
 * puts every read-modify-write in the location's modification order); mo
 * is the operation's order (ThreadSanitizer's numbering, 5 seq_cst), pc
 * its place in the program (for the load-buffering note).  None of
 * them blocks; weft__weak_fence is a scheduling point for a seq_cst fence
 * only. */
void weft__weak_load(const volatile void *a, void *v, unsigned n, int mo,
		     uintptr_t pc);
void weft__weak_store(const volatile void *a, const void *v, unsigned n,
		      int mo, uintptr_t pc);
/* A compare-exchange that failed: only a load of the latest store, with
 * the failure order fmo (never a store, whatever the order: a failed
 * seq_cst one that was recorded as one let a later load read a value
 * never stored, and cut the publisher's release from it). */
void weft__weak_cas_succeeded(const volatile void *a, unsigned n, int fmo,
			      uintptr_t pc);
void weft__weak_cas_failed(const volatile void *a, unsigned n, int fmo,
			   uintptr_t pc);
void weft__weak_rmw(const volatile void *a, const void *v, unsigned n,
		    int mo, uintptr_t pc);
void weft__weak_fence(int mo, uintptr_t pc);
/* The kernel's full barriers (smp_mb and its kin, the fully ordered
 * read-modify-writes, a grace period's wait) are seq_cst fences for the
 * C11 atomics: what orders store buffering through smp_load_acquire
 * (LKMM's strong fence).  Each is a step's (WEFT__ORDER_SC_FENCE, op.h),
 * never one of its own.  weft__weak_fences_matter: whether the program
 * makes C11 atomic loads at all, the only accesses a fence constrains
 * (from its imports, asked once: the same answer for every execution of
 * the search, as the explorer's dependence needs); without them a
 * barrier stays the step it was.  weft__weak_sc_fence_effect: the fence
 * in the calling thread, after its step that carried the flag.
 * weft__weak_fence_next: the calling thread's next C11 read-modify-write
 * (the kernel's xchg or cmpxchg on plain memory: a marked step comes
 * first) is fully ordered; weft__weak_fence_pending says so to that
 * read-modify-write's step, weft__weak_fence_done ends it there, with
 * the fence when it stored (a failed cmpxchg orders nothing).  None of
 * them blocks. */
bool weft__weak_fences_matter(void);
void weft__weak_sc_fence_effect(void);
void weft__weak_fence_next(void);
bool weft__weak_fence_pending(int tid);
void weft__weak_fence_done(int tid, bool stored);
/* Whether thread tid made a release (or stronger) fence in this
 * execution: its later relaxed stores may release what the fence saw.
 * Does not block. */
bool weft__weak_release_fenced(int tid);
/* membarrier(2)'s barrier in every thread (a scheduling point: the
 * caller's seq_cst fences). */
void weft__weak_membarrier(uintptr_t pc);

#endif
