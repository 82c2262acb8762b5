/* linux/weft/atomic_order.h - part of linux/weft_kernel.h, after
 * linux/weft/atomic.h: the value-returning atomic_t, atomic_long_t and
 * atomic64_t operations in their _relaxed, _acquire and _release forms
 * (and the fully ordered ones) that atomic.h and <weft/linux.h> do not
 * spell.  katomic.c reads the order from the name, so each form carries
 * its own.  Written by a script from the list of the kernel's names:
 * kernel code calling atomic_fetch_add_acquire and its kin met a compiler
 * error ("implicit declaration", a probe). */
#ifndef WEFT_KERNEL_LINUX_WEFT_ATOMIC_ORDER_H
#define WEFT_KERNEL_LINUX_WEFT_ATOMIC_ORDER_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* atomic_t */
#define atomic_fetch_add_acquire(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_fetch_add_acquire")))
#define atomic_fetch_add_release(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_fetch_add_release")))
#define atomic_fetch_sub_relaxed(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_fetch_sub_relaxed")))
#define atomic_fetch_sub_acquire(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_fetch_sub_acquire")))
#define atomic_fetch_sub_release(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_fetch_sub_release")))
#define atomic_fetch_inc_relaxed(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_fetch_inc_relaxed")))
#define atomic_fetch_inc_acquire(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_fetch_inc_acquire")))
#define atomic_fetch_inc_release(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_fetch_inc_release")))
#define atomic_fetch_dec_relaxed(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_fetch_dec_relaxed")))
#define atomic_fetch_dec_acquire(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_fetch_dec_acquire")))
#define atomic_fetch_dec_release(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_fetch_dec_release")))
#define atomic_add_return_acquire(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_add_return_acquire") + (i)))
#define atomic_add_return_release(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_add_return_release") + (i)))
#define atomic_sub_return_relaxed(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_sub_return_relaxed") - (i)))
#define atomic_sub_return_acquire(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_sub_return_acquire") - (i)))
#define atomic_sub_return_release(i, v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_sub_return_release") - (i)))
#define atomic_inc_return_acquire(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_inc_return_acquire") + 1))
#define atomic_inc_return_release(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_inc_return_release") + 1))
#define atomic_dec_return_acquire(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_dec_return_acquire") - 1))
#define atomic_dec_return_release(v) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_dec_return_release") - 1))
#define atomic_xchg_relaxed(v, n) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_xchg_relaxed")))
#define atomic_xchg_acquire(v, n) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_xchg_acquire")))
#define atomic_xchg_release(v, n) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_xchg_release")))
#define atomic_cmpxchg_relaxed(v, o, n) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic_cmpxchg_relaxed")))
#define atomic_cmpxchg_acquire(v, o, n) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic_cmpxchg_acquire")))
#define atomic_cmpxchg_release(v, o, n) \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic_cmpxchg_release")))
#define atomic_fetch_and_relaxed(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_fetch_and_relaxed"))
#define atomic_fetch_and_acquire(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_fetch_and_acquire"))
#define atomic_fetch_and_release(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_fetch_and_release"))
#define atomic_fetch_or_relaxed(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_fetch_or_relaxed"))
#define atomic_fetch_or_acquire(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_fetch_or_acquire"))
#define atomic_fetch_or_release(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_fetch_or_release"))
#define atomic_fetch_xor_relaxed(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic_fetch_xor_relaxed"))
#define atomic_fetch_xor_acquire(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic_fetch_xor_acquire"))
#define atomic_fetch_xor_release(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic_fetch_xor_release"))
#define atomic_fetch_andnot_relaxed(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic_fetch_andnot_relaxed"))
#define atomic_fetch_andnot_acquire(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic_fetch_andnot_acquire"))
#define atomic_fetch_andnot_release(i, v) \
	WEFT_LX_VAL((int)WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic_fetch_andnot_release"))

/* atomic_long_t */
#define atomic_long_fetch_add_relaxed(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_fetch_add_relaxed"))
#define atomic_long_fetch_add_acquire(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_fetch_add_acquire"))
#define atomic_long_fetch_add_release(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_fetch_add_release"))
#define atomic_long_fetch_sub_relaxed(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_fetch_sub_relaxed"))
#define atomic_long_fetch_sub_acquire(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_fetch_sub_acquire"))
#define atomic_long_fetch_sub_release(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_fetch_sub_release"))
#define atomic_long_fetch_inc(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_long_fetch_inc"))
#define atomic_long_fetch_inc_relaxed(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_long_fetch_inc_relaxed"))
#define atomic_long_fetch_inc_acquire(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_long_fetch_inc_acquire"))
#define atomic_long_fetch_inc_release(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_long_fetch_inc_release"))
#define atomic_long_fetch_dec(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_fetch_dec"))
#define atomic_long_fetch_dec_relaxed(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_fetch_dec_relaxed"))
#define atomic_long_fetch_dec_acquire(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_fetch_dec_acquire"))
#define atomic_long_fetch_dec_release(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_fetch_dec_release"))
#define atomic_long_add_return_relaxed(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_add_return_relaxed") + (i)))
#define atomic_long_add_return_acquire(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_add_return_acquire") + (i)))
#define atomic_long_add_return_release(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_add_return_release") + (i)))
#define atomic_long_sub_return_relaxed(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_sub_return_relaxed") - (i)))
#define atomic_long_sub_return_acquire(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_sub_return_acquire") - (i)))
#define atomic_long_sub_return_release(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_sub_return_release") - (i)))
#define atomic_long_inc_return_relaxed(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_long_inc_return_relaxed") + 1))
#define atomic_long_inc_return_acquire(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_long_inc_return_acquire") + 1))
#define atomic_long_inc_return_release(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_long_inc_return_release") + 1))
#define atomic_long_dec_return_relaxed(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_dec_return_relaxed") - 1))
#define atomic_long_dec_return_acquire(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_dec_return_acquire") - 1))
#define atomic_long_dec_return_release(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_dec_return_release") - 1))
#define atomic_long_xchg_relaxed(v, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_long_xchg_relaxed"))
#define atomic_long_xchg_acquire(v, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_long_xchg_acquire"))
#define atomic_long_xchg_release(v, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_long_xchg_release"))
#define atomic_long_cmpxchg_relaxed(v, o, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic_long_cmpxchg_relaxed"))
#define atomic_long_cmpxchg_acquire(v, o, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic_long_cmpxchg_acquire"))
#define atomic_long_cmpxchg_release(v, o, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic_long_cmpxchg_release"))
#define atomic_long_fetch_and(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_long_fetch_and")
#define atomic_long_fetch_and_relaxed(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_long_fetch_and_relaxed")
#define atomic_long_fetch_and_acquire(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_long_fetch_and_acquire")
#define atomic_long_fetch_and_release(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_long_fetch_and_release")
#define atomic_long_fetch_or(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_long_fetch_or")
#define atomic_long_fetch_or_relaxed(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_long_fetch_or_relaxed")
#define atomic_long_fetch_or_acquire(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_long_fetch_or_acquire")
#define atomic_long_fetch_or_release(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_long_fetch_or_release")
#define atomic_long_fetch_xor(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic_long_fetch_xor")
#define atomic_long_fetch_xor_relaxed(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic_long_fetch_xor_relaxed")
#define atomic_long_fetch_xor_acquire(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic_long_fetch_xor_acquire")
#define atomic_long_fetch_xor_release(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic_long_fetch_xor_release")
#define atomic_long_fetch_andnot(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic_long_fetch_andnot")
#define atomic_long_fetch_andnot_relaxed(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic_long_fetch_andnot_relaxed")
#define atomic_long_fetch_andnot_acquire(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic_long_fetch_andnot_acquire")
#define atomic_long_fetch_andnot_release(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic_long_fetch_andnot_release")

/* atomic64_t */
#define atomic64_fetch_add_relaxed(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_fetch_add_relaxed"))
#define atomic64_fetch_add_acquire(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_fetch_add_acquire"))
#define atomic64_fetch_add_release(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_fetch_add_release"))
#define atomic64_fetch_sub_relaxed(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_fetch_sub_relaxed"))
#define atomic64_fetch_sub_acquire(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_fetch_sub_acquire"))
#define atomic64_fetch_sub_release(i, v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_fetch_sub_release"))
#define atomic64_fetch_inc(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_fetch_inc"))
#define atomic64_fetch_inc_relaxed(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_fetch_inc_relaxed"))
#define atomic64_fetch_inc_acquire(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_fetch_inc_acquire"))
#define atomic64_fetch_inc_release(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_fetch_inc_release"))
#define atomic64_fetch_dec(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_fetch_dec"))
#define atomic64_fetch_dec_relaxed(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_fetch_dec_relaxed"))
#define atomic64_fetch_dec_acquire(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_fetch_dec_acquire"))
#define atomic64_fetch_dec_release(v) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_fetch_dec_release"))
#define atomic64_add_return_relaxed(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_add_return_relaxed") + (i)))
#define atomic64_add_return_acquire(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_add_return_acquire") + (i)))
#define atomic64_add_return_release(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_add_return_release") + (i)))
#define atomic64_sub_return_relaxed(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_sub_return_relaxed") - (i)))
#define atomic64_sub_return_acquire(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_sub_return_acquire") - (i)))
#define atomic64_sub_return_release(i, v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_sub_return_release") - (i)))
#define atomic64_inc_return_relaxed(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_inc_return_relaxed") + 1))
#define atomic64_inc_return_acquire(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_inc_return_acquire") + 1))
#define atomic64_inc_return_release(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_inc_return_release") + 1))
#define atomic64_dec_return_relaxed(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_dec_return_relaxed") - 1))
#define atomic64_dec_return_acquire(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_dec_return_acquire") - 1))
#define atomic64_dec_return_release(v) \
	WEFT_LX_VAL((WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_dec_return_release") - 1))
#define atomic64_xchg_relaxed(v, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic64_xchg_relaxed"))
#define atomic64_xchg_acquire(v, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic64_xchg_acquire"))
#define atomic64_xchg_release(v, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic64_xchg_release"))
#define atomic64_cmpxchg_relaxed(v, o, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic64_cmpxchg_relaxed"))
#define atomic64_cmpxchg_acquire(v, o, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic64_cmpxchg_acquire"))
#define atomic64_cmpxchg_release(v, o, n) \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic64_cmpxchg_release"))
#define atomic64_fetch_and(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic64_fetch_and")
#define atomic64_fetch_and_relaxed(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic64_fetch_and_relaxed")
#define atomic64_fetch_and_acquire(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic64_fetch_and_acquire")
#define atomic64_fetch_and_release(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic64_fetch_and_release")
#define atomic64_fetch_or(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic64_fetch_or")
#define atomic64_fetch_or_relaxed(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic64_fetch_or_relaxed")
#define atomic64_fetch_or_acquire(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic64_fetch_or_acquire")
#define atomic64_fetch_or_release(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic64_fetch_or_release")
#define atomic64_fetch_xor(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic64_fetch_xor")
#define atomic64_fetch_xor_relaxed(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic64_fetch_xor_relaxed")
#define atomic64_fetch_xor_acquire(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic64_fetch_xor_acquire")
#define atomic64_fetch_xor_release(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic64_fetch_xor_release")
#define atomic64_fetch_andnot(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic64_fetch_andnot")
#define atomic64_fetch_andnot_relaxed(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic64_fetch_andnot_relaxed")
#define atomic64_fetch_andnot_acquire(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic64_fetch_andnot_acquire")
#define atomic64_fetch_andnot_release(i, v) \
	WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic64_fetch_andnot_release")

#endif
