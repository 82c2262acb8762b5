/* linux/weft/atomic.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  cmpxchg, xchg and try_cmpxchg on
 * plain integers and pointers, atomic64_t and the atomic spellings
 * beyond <weft/linux.h>, each a marked access that is one indivisible
 * operation, so lock-free code is explored at every access. */
#ifndef WEFT_KERNEL_LINUX_WEFT_ATOMIC_H
#define WEFT_KERNEL_LINUX_WEFT_ATOMIC_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* cmpxchg, xchg and try_cmpxchg on plain integers and pointers: a marked
 * access (a scheduling point checked against the heap) and the operation
 * as one indivisible seq_cst atomic, named nm.  The fully ordered forms
 * (no _relaxed, _acquire or _release in nm) are also a full barrier for
 * the C11 atomics of smp_load_acquire and smp_store_release
 * (weft_kaccess and weft_kcas say so to the atomic's step). */
#define WEFT_LX_CMPXCHG(ptr, o, n, nm)                                        \
	(__extension__({                                                      \
		__typeof__(ptr) weft_p_ = (ptr);                              \
		__typeof__(*weft_p_) weft_o_ = (o), weft_n_ = (n);            \
		weft_kcas(weft_p_, sizeof *weft_p_, &weft_o_, nm, WEFT_HERE); \
		__atomic_compare_exchange_n(weft_p_, &weft_o_, weft_n_, 0,    \
					    __ATOMIC_SEQ_CST,                 \
					    __ATOMIC_SEQ_CST);                \
		weft_o_;                                                      \
	}))
#define cmpxchg(p, o, n) WEFT_LX_CMPXCHG(p, o, n, "cmpxchg")
#define cmpxchg_relaxed(p, o, n) WEFT_LX_CMPXCHG(p, o, n, "cmpxchg_relaxed")
#define cmpxchg_acquire(p, o, n) WEFT_LX_CMPXCHG(p, o, n, "cmpxchg_acquire")
#define cmpxchg_release(p, o, n) WEFT_LX_CMPXCHG(p, o, n, "cmpxchg_release")
#define cmpxchg64(p, o, n) cmpxchg(p, o, n)
#define cmpxchg_local(p, o, n) cmpxchg(p, o, n)
#define sync_cmpxchg(p, o, n) cmpxchg(p, o, n)
#define WEFT_LX_XCHG(ptr, v, nm)                                              \
	(__extension__({                                                      \
		__typeof__(ptr) weft_p_ = (ptr);                              \
		__typeof__(*weft_p_) weft_v_ = (v);                           \
		weft_kaccess(weft_p_, sizeof *weft_p_, 1, nm, WEFT_HERE);     \
		__atomic_exchange_n(weft_p_, weft_v_, __ATOMIC_SEQ_CST);      \
	}))
#define xchg(p, v) WEFT_LX_XCHG(p, v, "xchg")
#define xchg_relaxed(p, v) WEFT_LX_XCHG(p, v, "xchg_relaxed")
#define xchg_acquire(p, v) WEFT_LX_XCHG(p, v, "xchg_acquire")
#define xchg_release(p, v) WEFT_LX_XCHG(p, v, "xchg_release")
#define WEFT_LX_TRY_CMPXCHG(ptr, oldp, n, nm)                                 \
	(__extension__({                                                      \
		__typeof__(ptr) weft_p_ = (ptr);                              \
		__typeof__(oldp) weft_op_ = (oldp);                           \
		__typeof__(*weft_p_) weft_n_ = (n);                           \
		weft_kcas(weft_p_, sizeof *weft_p_, weft_op_, nm, WEFT_HERE); \
		__atomic_compare_exchange_n(weft_p_, weft_op_, weft_n_, 0,    \
					    __ATOMIC_SEQ_CST,                 \
					    __ATOMIC_SEQ_CST);                \
	}))
#define try_cmpxchg(p, o, n) WEFT_LX_TRY_CMPXCHG(p, o, n, "try_cmpxchg")
#define try_cmpxchg_relaxed(p, o, n)                                          \
	WEFT_LX_TRY_CMPXCHG(p, o, n, "try_cmpxchg_relaxed")
#define try_cmpxchg_acquire(p, o, n)                                          \
	WEFT_LX_TRY_CMPXCHG(p, o, n, "try_cmpxchg_acquire")
#define try_cmpxchg_release(p, o, n)                                          \
	WEFT_LX_TRY_CMPXCHG(p, o, n, "try_cmpxchg_release")
#define try_cmpxchg64(p, o, n) try_cmpxchg(p, o, n)

/* More of atomic_t and atomic_long_t, and atomic64_t (a long: 64 bits on
 * the LP64 machines weft runs on). */
_Static_assert(sizeof(long) == 8, "weft: atomic64_t needs a 64-bit long");
typedef struct {
	long counter;
} atomic64_t;
#define ATOMIC64_INIT(i) { (i) }
#define atomic_read_acquire(v) atomic_read(v)
#define atomic_set_release(v, i)                                              \
	((void)WEFT_LX_KA(v, WEFT_KA_SET, i, 0, "atomic_set_release"))
#define atomic_fetch_sub(i, v)                                                \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0,            \
			       "atomic_fetch_sub"))
#define atomic_fetch_dec(v)                                                   \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0,                    \
			       "atomic_fetch_dec"))
#define atomic_fetch_add_unless(v, a, u)                                      \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, a, u,              \
			       "atomic_fetch_add_unless"))
#define atomic_add_negative(i, v)                                             \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0,                    \
			       "atomic_add_negative") + (i)) < 0)
/* The _relaxed forms order nothing (src/linux/katomic.c reads it in
 * their names). */
#define atomic_inc_return_relaxed(v)                                          \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0,                     \
			       "atomic_inc_return_relaxed") + 1)
#define atomic_dec_return_relaxed(v)                                          \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0,                    \
			       "atomic_dec_return_relaxed") - 1)
#define atomic_add_return_relaxed(i, v)                                       \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_ADD, i, 0,                     \
			       "atomic_add_return_relaxed") + (i))
#define atomic_fetch_add_relaxed(i, v)                                        \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_ADD, i, 0,                     \
			       "atomic_fetch_add_relaxed"))
#define atomic_try_cmpxchg(v, oldp, n)                                        \
	(__extension__({                                                      \
		int *weft_op_ = (oldp), weft_o_ = *weft_op_;                  \
		int weft_r_ = (int)WEFT_LX_KA(v, WEFT_KA_CMPXCHG, weft_o_, n, \
					      "atomic_try_cmpxchg");          \
		*weft_op_ = weft_r_;                                          \
		weft_r_ == weft_o_;                                           \
	}))
#define atomic_try_cmpxchg_relaxed(v, o, n) atomic_try_cmpxchg(v, o, n)
#define atomic_try_cmpxchg_acquire(v, o, n) atomic_try_cmpxchg(v, o, n)
#define atomic_try_cmpxchg_release(v, o, n) atomic_try_cmpxchg(v, o, n)
#define atomic_dec_if_positive(v)                                             \
	(__extension__({                                                      \
		int weft_c_ = atomic_read(v), weft_d_;                        \
		do {                                                          \
			weft_d_ = weft_c_ - 1;                                \
			if (weft_d_ < 0)                                      \
				break;                                        \
		} while (!atomic_try_cmpxchg(v, &weft_c_, weft_d_));          \
		weft_d_;                                                      \
	}))
#define atomic_dec_unless_positive(v)                                         \
	(__extension__({                                                      \
		int weft_c_ = atomic_read(v);                                 \
		bool weft_ok_ = false;                                        \
		while (weft_c_ <= 0) {                                        \
			if (atomic_try_cmpxchg(v, &weft_c_, weft_c_ - 1)) {   \
				weft_ok_ = true;                              \
				break;                                        \
			}                                                     \
		}                                                             \
		weft_ok_;                                                     \
	}))
#define atomic_inc_unless_negative(v)                                         \
	(__extension__({                                                      \
		int weft_c_ = atomic_read(v);                                 \
		bool weft_ok_ = false;                                        \
		while (weft_c_ >= 0) {                                        \
			if (atomic_try_cmpxchg(v, &weft_c_, weft_c_ + 1)) {   \
				weft_ok_ = true;                              \
				break;                                        \
			}                                                     \
		}                                                             \
		weft_ok_;                                                     \
	}))
/* Bitwise atomics as compare-exchange loops (each try one step). */
#define WEFT_KX_FETCH_OP(v, expr, nm)                                         \
	(__extension__({                                                      \
		__typeof__((v)->counter) weft_o_ =                            \
			(__typeof__((v)->counter))WEFT_LX_KA(v, WEFT_KA_READ, \
							     0, 0, nm);       \
		for (;;) {                                                    \
			__typeof__((v)->counter) weft_c_ = weft_o_;           \
			__typeof__((v)->counter) weft_n_ = (expr);            \
			weft_o_ = (__typeof__((v)->counter))WEFT_LX_KA(       \
				v, WEFT_KA_CMPXCHG, weft_c_, weft_n_, nm);    \
			if (weft_o_ == weft_c_)                               \
				break;                                        \
		}                                                             \
		weft_o_;                                                      \
	}))
#define atomic_fetch_and(i, v) WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_fetch_and")
#define atomic_fetch_or(i, v) WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_fetch_or")
#define atomic_fetch_xor(i, v) WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic_fetch_xor")
#define atomic_fetch_andnot(i, v) WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic_fetch_andnot")
#define atomic_and(i, v) ((void)atomic_fetch_and(i, v))
#define atomic_or(i, v) ((void)atomic_fetch_or(i, v))
#define atomic_xor(i, v) ((void)atomic_fetch_xor(i, v))
#define atomic_andnot(i, v) ((void)atomic_fetch_andnot(i, v))

#define atomic_long_sub(i, v)                                                 \
	((void)WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_sub"))
#define atomic_long_add_return(i, v)                                          \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0,                          \
			       "atomic_long_add_return") + (i))
#define atomic_long_sub_return(i, v)                                          \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0,                 \
			       "atomic_long_sub_return") - (i))
#define atomic_long_dec_return(v)                                             \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0,                         \
			       "atomic_long_dec_return") - 1)
#define atomic_long_fetch_add(i, v)                                           \
	WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_fetch_add")
#define atomic_long_fetch_sub(i, v)                                           \
	WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_fetch_sub")
#define atomic_long_xchg(v, n) WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_long_xchg")
#define atomic_long_cmpxchg(v, o, n)                                          \
	WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic_long_cmpxchg")
#define atomic_long_try_cmpxchg(v, oldp, n)                                   \
	(__extension__({                                                      \
		long *weft_op_ = (oldp), weft_o_ = *weft_op_;                 \
		long weft_r_ = WEFT_LX_KA(v, WEFT_KA_CMPXCHG, weft_o_, n,     \
					  "atomic_long_try_cmpxchg");         \
		*weft_op_ = weft_r_;                                          \
		weft_r_ == weft_o_;                                           \
	}))
#define atomic_long_add_unless(v, a, u)                                       \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, a, u,                   \
			       "atomic_long_add_unless") != (u))
#define atomic_long_inc_not_zero(v)                                           \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, 1, 0,                   \
			       "atomic_long_inc_not_zero") != 0)
#define atomic_long_sub_and_test(i, v)                                        \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0,                 \
			       "atomic_long_sub_and_test") == (i))
#define atomic_long_read_acquire(v) atomic_long_read(v)
#define atomic_long_set_release(v, i)                                         \
	((void)WEFT_LX_KA(v, WEFT_KA_SET, i, 0, "atomic_long_set_release"))
#define atomic_long_or(i, v) ((void)WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_long_or"))
#define atomic_long_and(i, v) ((void)WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_long_and"))

#define atomic64_read(v) WEFT_LX_KA(v, WEFT_KA_READ, 0, 0, "atomic64_read")
#define atomic64_set(v, i) ((void)WEFT_LX_KA(v, WEFT_KA_SET, i, 0, "atomic64_set"))
#define atomic64_add(i, v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_add"))
#define atomic64_sub(i, v)                                                    \
	((void)WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_sub"))
#define atomic64_inc(v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_inc"))
#define atomic64_dec(v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_dec"))
#define atomic64_add_return(i, v)                                             \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0,                          \
			       "atomic64_add_return") + (i))
#define atomic64_sub_return(i, v)                                             \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0,                 \
			       "atomic64_sub_return") - (i))
#define atomic64_inc_return(v)                                                \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0,                          \
			       "atomic64_inc_return") + 1)
#define atomic64_dec_return(v)                                                \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0,                         \
			       "atomic64_dec_return") - 1)
#define atomic64_fetch_add(i, v)                                              \
	WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_fetch_add")
#define atomic64_fetch_sub(i, v)                                              \
	WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_fetch_sub")
#define atomic64_dec_and_test(v)                                              \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0,                         \
			       "atomic64_dec_and_test") == 1)
#define atomic64_inc_and_test(v)                                              \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0,                          \
			       "atomic64_inc_and_test") == -1)
#define atomic64_sub_and_test(i, v)                                           \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0,                 \
			       "atomic64_sub_and_test") == (i))
#define atomic64_xchg(v, n) WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic64_xchg")
#define atomic64_cmpxchg(v, o, n)                                             \
	WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic64_cmpxchg")
#define atomic64_try_cmpxchg(v, oldp, n)                                      \
	(__extension__({                                                      \
		long *weft_op_ = (long *)(oldp), weft_o_ = *weft_op_;         \
		long weft_r_ = WEFT_LX_KA(v, WEFT_KA_CMPXCHG, weft_o_, n,     \
					  "atomic64_try_cmpxchg");            \
		*weft_op_ = weft_r_;                                          \
		weft_r_ == weft_o_;                                           \
	}))
#define atomic64_add_unless(v, a, u)                                          \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, a, u,                   \
			       "atomic64_add_unless") != (u))
#define atomic64_inc_not_zero(v)                                              \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, 1, 0,                   \
			       "atomic64_inc_not_zero") != 0)
#define atomic64_or(i, v) ((void)WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic64_or"))
#define atomic64_and(i, v) ((void)WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic64_and"))

/* Spin until the condition on VAL (the value read) holds. */
#define atomic_cond_read_relaxed(v, c)                                        \
	(__extension__({                                                      \
		int VAL;                                                      \
		for (;;) {                                                    \
			VAL = atomic_read(v);                                 \
			if (c)                                                \
				break;                                        \
			cpu_relax();                                          \
		}                                                             \
		VAL;                                                          \
	}))
#define atomic_cond_read_acquire(v, c) atomic_cond_read_relaxed(v, c)

#endif
