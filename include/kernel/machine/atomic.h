/* machine/atomic.h - weft's FreeBSD kernel header tree: atomic(9).
 *
 * Each operation is the compiler's __atomic builtin with the order the
 * suffix names: none (atomic(9) promises no ordering: relaxed), _acq
 * (acquire), _rel (release).  weft-cc's instrumentation hands every
 * builtin to weft's model of C11 atomics, so each is one step, a
 * scheduling point on its object, ordered as C11 orders it (a relaxed
 * operation publishes nothing; the race detector and the weak-memory
 * exploration see the difference).  <sys/systm.h> and the rest of the
 * tree include this header, as FreeBSD's do.  Never blocks. */
#ifndef WEFT_KERNEL_MACHINE_ATOMIC_H
#define WEFT_KERNEL_MACHINE_ATOMIC_H

#include <stdint.h>
#include <sys/types.h>

#define WEFT_BSD_RLX __ATOMIC_RELAXED
#define WEFT_BSD_ACQ __ATOMIC_ACQUIRE
#define WEFT_BSD_REL __ATOMIC_RELEASE

/* The operations with ordered variants: o is the suffix ("" acq_ rel_),
 * mo its order, fmo the order of a failed compare (no release). */
#define WEFT_BSD_ATOMIC_ORD(t, T, o, mo, fmo)                                 \
	static inline void atomic_add_##o##t(volatile T *p, T v)              \
	{                                                                     \
		__atomic_fetch_add(p, v, mo);                                 \
	}                                                                     \
	static inline void atomic_subtract_##o##t(volatile T *p, T v)         \
	{                                                                     \
		__atomic_fetch_sub(p, v, mo);                                 \
	}                                                                     \
	static inline void atomic_set_##o##t(volatile T *p, T v)              \
	{                                                                     \
		__atomic_fetch_or(p, v, mo);                                  \
	}                                                                     \
	static inline void atomic_clear_##o##t(volatile T *p, T v)            \
	{                                                                     \
		__atomic_fetch_and(p, (T)~v, mo);                             \
	}                                                                     \
	static inline int atomic_cmpset_##o##t(volatile T *p, T old, T new_)  \
	{                                                                     \
		return __atomic_compare_exchange_n(p, &old, new_, 0, mo, fmo);\
	}                                                                     \
	/* fcmpset may fail spuriously, as FreeBSD documents; on failure    \
	 * *old receives the value found. */                                  \
	static inline int atomic_fcmpset_##o##t(volatile T *p, T *old, T new_)\
	{                                                                     \
		return __atomic_compare_exchange_n(p, old, new_, 1, mo, fmo); \
	}

#define WEFT_BSD_ATOMIC_TYPE(t, T)                                            \
	WEFT_BSD_ATOMIC_ORD(t, T, , WEFT_BSD_RLX, WEFT_BSD_RLX)               \
	WEFT_BSD_ATOMIC_ORD(t, T, acq_, WEFT_BSD_ACQ, WEFT_BSD_ACQ)           \
	WEFT_BSD_ATOMIC_ORD(t, T, rel_, WEFT_BSD_REL, WEFT_BSD_RLX)           \
	static inline T atomic_load_##t(volatile T *p)                        \
	{                                                                     \
		return __atomic_load_n(p, WEFT_BSD_RLX);                      \
	}                                                                     \
	static inline T atomic_load_acq_##t(volatile T *p)                    \
	{                                                                     \
		return __atomic_load_n(p, WEFT_BSD_ACQ);                      \
	}                                                                     \
	static inline void atomic_store_##t(volatile T *p, T v)               \
	{                                                                     \
		__atomic_store_n(p, v, WEFT_BSD_RLX);                         \
	}                                                                     \
	static inline void atomic_store_rel_##t(volatile T *p, T v)           \
	{                                                                     \
		__atomic_store_n(p, v, WEFT_BSD_REL);                         \
	}                                                                     \
	static inline T atomic_fetchadd_##t(volatile T *p, T v)               \
	{                                                                     \
		return __atomic_fetch_add(p, v, WEFT_BSD_RLX);                \
	}                                                                     \
	static inline T atomic_readandclear_##t(volatile T *p)                \
	{                                                                     \
		return __atomic_exchange_n(p, (T)0, WEFT_BSD_RLX);            \
	}                                                                     \
	static inline T atomic_swap_##t(volatile T *p, T v)                   \
	{                                                                     \
		return __atomic_exchange_n(p, v, WEFT_BSD_RLX);               \
	}                                                                     \
	/* The old value of bit (v modulo the type's width). */               \
	static inline int atomic_testandset_##t(volatile T *p, u_int v)       \
	{                                                                     \
		T m = (T)((T)1 << (v % (sizeof(T) * 8)));                     \
		return (__atomic_fetch_or(p, m, WEFT_BSD_RLX) & m) != 0;      \
	}                                                                     \
	static inline int atomic_testandset_acq_##t(volatile T *p, u_int v)   \
	{                                                                     \
		T m = (T)((T)1 << (v % (sizeof(T) * 8)));                     \
		return (__atomic_fetch_or(p, m, WEFT_BSD_ACQ) & m) != 0;      \
	}                                                                     \
	static inline int atomic_testandclear_##t(volatile T *p, u_int v)     \
	{                                                                     \
		T m = (T)((T)1 << (v % (sizeof(T) * 8)));                     \
		return (__atomic_fetch_and(p, (T)~m, WEFT_BSD_RLX) & m) != 0; \
	}

WEFT_BSD_ATOMIC_TYPE(char, u_char)
WEFT_BSD_ATOMIC_TYPE(short, u_short)
WEFT_BSD_ATOMIC_TYPE(int, u_int)
WEFT_BSD_ATOMIC_TYPE(long, u_long)
WEFT_BSD_ATOMIC_TYPE(8, uint8_t)
WEFT_BSD_ATOMIC_TYPE(16, uint16_t)
WEFT_BSD_ATOMIC_TYPE(32, uint32_t)
WEFT_BSD_ATOMIC_TYPE(64, uint64_t)

/* The pointer forms take any pointer (or uintptr_t) lvalue, as FreeBSD's
 * macros do, and give back its own type. */
#define atomic_load_ptr(p) __atomic_load_n((p), WEFT_BSD_RLX)
#define atomic_load_acq_ptr(p) __atomic_load_n((p), WEFT_BSD_ACQ)
#define atomic_store_ptr(p, v) __atomic_store_n((p), (v), WEFT_BSD_RLX)
#define atomic_store_rel_ptr(p, v) __atomic_store_n((p), (v), WEFT_BSD_REL)
#define atomic_swap_ptr(p, v) __atomic_exchange_n((p), (v), WEFT_BSD_RLX)
#define atomic_readandclear_ptr(p)                                            \
	__atomic_exchange_n((p), (__typeof__(*(p)))0, WEFT_BSD_RLX)
/* The temporary's type is the pointee's without its qualifiers (a comma
 * expression is no lvalue): a volatile one warned, an error under
 * -Werror, for FreeBSD's usual (volatile uintptr_t *) argument. */
#define WEFT_BSD_CMPSET_PTR(p, old, new_, mo, fmo)                            \
	(__extension__({                                                      \
		__typeof__(((void)0, *(p))) weft_old_ =                       \
			(__typeof__(((void)0, *(p))))(old);                   \
		__atomic_compare_exchange_n(                                  \
			(p), &weft_old_,                                      \
			(__typeof__(((void)0, *(p))))(new_), 0, mo, fmo);     \
	}))
#define atomic_cmpset_ptr(p, o, n)                                            \
	WEFT_BSD_CMPSET_PTR(p, o, n, WEFT_BSD_RLX, WEFT_BSD_RLX)
#define atomic_cmpset_acq_ptr(p, o, n)                                        \
	WEFT_BSD_CMPSET_PTR(p, o, n, WEFT_BSD_ACQ, WEFT_BSD_ACQ)
#define atomic_cmpset_rel_ptr(p, o, n)                                        \
	WEFT_BSD_CMPSET_PTR(p, o, n, WEFT_BSD_REL, WEFT_BSD_RLX)
#define atomic_fcmpset_ptr(p, op, n)                                          \
	__atomic_compare_exchange_n((p), (op), (n), 1, WEFT_BSD_RLX,          \
				    WEFT_BSD_RLX)
#define atomic_fcmpset_acq_ptr(p, op, n)                                      \
	__atomic_compare_exchange_n((p), (op), (n), 1, WEFT_BSD_ACQ,          \
				    WEFT_BSD_ACQ)
#define atomic_fcmpset_rel_ptr(p, op, n)                                      \
	__atomic_compare_exchange_n((p), (op), (n), 1, WEFT_BSD_REL,          \
				    WEFT_BSD_RLX)

/* Fences: orders of their own; atomic_thread_fence_seq_cst is C11's. */
#define atomic_thread_fence_acq() __atomic_thread_fence(WEFT_BSD_ACQ)
#define atomic_thread_fence_rel() __atomic_thread_fence(WEFT_BSD_REL)
#define atomic_thread_fence_acq_rel() __atomic_thread_fence(__ATOMIC_ACQ_REL)
#define atomic_thread_fence_seq_cst() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define atomic_interrupt_fence() __atomic_signal_fence(__ATOMIC_SEQ_CST)

#endif
