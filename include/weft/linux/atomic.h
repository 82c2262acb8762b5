/* weft/linux/atomic.h - part of <weft/linux.h>:
 * atomics, bit operations, marked accesses, barriers.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_ATOMIC_H
#define WEFT_LINUX_ATOMIC_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

typedef weft_katomic_t atomic_t;
typedef weft_katomic_long_t atomic_long_t;
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }

#define WEFT_LX_KA(v, op, a, b, nm)                                           \
	weft_katomic_op(&(v)->counter, sizeof((v)->counter), (op), (long)(a), \
			(long)(b), (nm), WEFT_HERE)
#define atomic_read(v)                                                        \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_READ, 0, 0, "atomic_read"))
#define atomic_set(v, i) ((void)WEFT_LX_KA(v, WEFT_KA_SET, i, 0, "atomic_set"))
#define atomic_add(i, v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_add"))
#define atomic_sub(i, v)                                                      \
	((void)WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_sub"))
#define atomic_inc(v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_inc"))
#define atomic_dec(v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_dec"))
#define atomic_add_return(i, v)                                               \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0,                    \
			       "atomic_add_return") + (i)))
#define atomic_sub_return(i, v)                                               \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0,           \
			       "atomic_sub_return") -                         \
	       (i)))
#define atomic_inc_return(v)                                                  \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0,                    \
			       "atomic_inc_return") + 1))
#define atomic_dec_return(v)                                                  \
	WEFT_LX_VAL((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0,                   \
			       "atomic_dec_return") - 1))
#define atomic_fetch_add(i, v)                                                \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_fetch_add"))
#define atomic_fetch_inc(v)                                                   \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_fetch_inc"))
#define atomic_dec_and_test(v)                                                \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0,                         \
			       "atomic_dec_and_test") == 1)
#define atomic_inc_and_test(v)                                                \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0,                          \
			       "atomic_inc_and_test") == -1)
#define atomic_sub_and_test(i, v)                                             \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0,                 \
			       "atomic_sub_and_test") == (i))
#define atomic_xchg(v, n)                                                     \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_xchg"))
#define atomic_cmpxchg(v, o, n)                                               \
	WEFT_LX_VAL((int)WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n,                 \
			       "atomic_cmpxchg"))
#define atomic_add_unless(v, a, u)                                            \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, a, u,                   \
			       "atomic_add_unless") != (u))
#define atomic_inc_not_zero(v)                                                \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, 1, 0,                   \
			       "atomic_inc_not_zero") != 0)
#define atomic_long_read(v) WEFT_LX_KA(v, WEFT_KA_READ, 0, 0, "atomic_long_read")
#define atomic_long_set(v, i)                                                 \
	((void)WEFT_LX_KA(v, WEFT_KA_SET, i, 0, "atomic_long_set"))
#define atomic_long_inc(v)                                                    \
	((void)WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_long_inc"))
#define atomic_long_dec(v)                                                    \
	((void)WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_dec"))
#define atomic_long_add(i, v)                                                 \
	((void)WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_add"))
#define atomic_long_inc_return(v)                                             \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0,                          \
			       "atomic_long_inc_return") + 1)
#define atomic_long_dec_and_test(v)                                           \
	WEFT_LX_VAL(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0,                         \
			       "atomic_long_dec_and_test") == 1)

#define WEFT_LX_KB(nr, a, op, nm)                                             \
	weft_kbit_op((unsigned long *)(a), (long)(nr), (op), (nm), WEFT_HERE)
#define set_bit(nr, a) ((void)WEFT_LX_KB(nr, a, WEFT_KB_SET, "set_bit"))
#define clear_bit(nr, a) ((void)WEFT_LX_KB(nr, a, WEFT_KB_CLEAR, "clear_bit"))
#define change_bit(nr, a) ((void)WEFT_LX_KB(nr, a, WEFT_KB_CHANGE, "change_bit"))
/* The non-atomic bit operations are the program's own plain read and
 * write of the word, as in the kernel: beside another thread's bit
 * operation on the same word they can lose an update, and the race
 * detector reports the pair (as KCSAN does).  Expanded where they are
 * used, so a report names the caller's line. */
#define WEFT_LX_NB_BITS (8 * (long)sizeof(unsigned long))
#define WEFT_LX_NB(nr, a, op)                                                 \
	(__extension__({                                                      \
		unsigned long *weft_w_ = (unsigned long *)(a) +               \
					 (long)(nr) / WEFT_LX_NB_BITS;        \
		unsigned long weft_m_ = 1ul << ((long)(nr) % WEFT_LX_NB_BITS); \
		int weft_o_ = (*weft_w_ & weft_m_) != 0;                      \
		if ((op) == WEFT_KB_SET)                                      \
			*weft_w_ |= weft_m_;                                  \
		else if ((op) == WEFT_KB_CLEAR)                               \
			*weft_w_ &= ~weft_m_;                                 \
		else                                                          \
			*weft_w_ ^= weft_m_;                                  \
		weft_o_;                                                      \
	}))
#define __set_bit(nr, a) ((void)WEFT_LX_NB(nr, a, WEFT_KB_SET))
#define __clear_bit(nr, a) ((void)WEFT_LX_NB(nr, a, WEFT_KB_CLEAR))
#define __change_bit(nr, a) ((void)WEFT_LX_NB(nr, a, WEFT_KB_CHANGE))
#define __test_and_set_bit(nr, a) (WEFT_LX_NB(nr, a, WEFT_KB_SET))
#define __test_and_clear_bit(nr, a) (WEFT_LX_NB(nr, a, WEFT_KB_CLEAR))
#define __test_and_change_bit(nr, a) (WEFT_LX_NB(nr, a, WEFT_KB_CHANGE))
#define test_bit(nr, a)                                                       \
	WEFT_LX_VAL((bool)WEFT_LX_KB(nr, a, WEFT_KB_TEST, "test_bit"))
#define test_and_set_bit(nr, a)                                               \
	(WEFT_LX_KB(nr, a, WEFT_KB_SET, "test_and_set_bit"))
#define test_and_clear_bit(nr, a)                                             \
	(WEFT_LX_KB(nr, a, WEFT_KB_CLEAR, "test_and_clear_bit"))
#define test_and_change_bit(nr, a)                                            \
	(WEFT_LX_KB(nr, a, WEFT_KB_CHANGE, "test_and_change_bit"))
#define test_and_set_bit_lock(nr, a)                                          \
	(WEFT_LX_KB(nr, a, WEFT_KB_SET, "test_and_set_bit_lock"))
#define clear_bit_unlock(nr, a)                                               \
	((void)WEFT_LX_KB(nr, a, WEFT_KB_CLEAR, "clear_bit_unlock"))

/* Marked accesses are scheduling points on the variable; the access itself
 * is an atomic, so instrumented builds never call them races.  READ_ONCE
 * and WRITE_ONCE are made by weft (weft_konce), which orders them as the
 * kernel's memory model says (WRITE_ONCE as atomic_set: nothing before
 * it unless a fence did; READ_ONCE acquiring, which is stronger than the
 * kernel's and said in a verdict note); the others are the C11 atomics
 * of their order. */
#define READ_ONCE(x)                                                          \
	(__extension__({                                                      \
		union {                                                       \
			__typeof__(x) v;                                      \
			char c[sizeof(x)];                                    \
		} weft_u_;                                                    \
		weft_konce((void *)&(x), weft_u_.c, sizeof(x), 0, WEFT_HERE); \
		weft_u_.v;                                                    \
	}))
#define WRITE_ONCE(x, val)                                                    \
	do {                                                                  \
		__typeof__(x) weft_v_ = (val);                                \
		weft_konce((void *)&(x), (void *)&weft_v_, sizeof(x), 1,      \
			   WEFT_HERE);                                        \
	} while (0)
#define smp_load_acquire(p)                                                   \
	(__extension__({                                                      \
		__typeof__(*(p)) *weft_p_ = (p);                              \
		weft_kaccess(weft_p_, sizeof *weft_p_, 0, "smp_load_acquire", \
			     WEFT_HERE);                                      \
		__atomic_load_n(weft_p_, __ATOMIC_ACQUIRE);                   \
	}))
#define smp_store_release(p, val)                                             \
	do {                                                                  \
		__typeof__(*(p)) *weft_p_ = (p);                              \
		__typeof__(*(p)) weft_v_ = (val);                             \
		weft_kaccess(weft_p_, sizeof *weft_p_, 1,                     \
			     "smp_store_release", WEFT_HERE);                 \
		__atomic_store_n(weft_p_, weft_v_, __ATOMIC_RELEASE);         \
	} while (0)
#define barrier() weft_kbarrier("barrier", WEFT_HERE)
#define smp_mb() weft_kbarrier("smp_mb", WEFT_HERE)
#define smp_rmb() weft_kbarrier("smp_rmb", WEFT_HERE)
#define smp_wmb() weft_kbarrier("smp_wmb", WEFT_HERE)
#define mb() weft_kbarrier("mb", WEFT_HERE)
#define rmb() weft_kbarrier("rmb", WEFT_HERE)
#define wmb() weft_kbarrier("wmb", WEFT_HERE)
#define smp_mb__before_atomic() weft_kbarrier("smp_mb__before_atomic", WEFT_HERE)
#define smp_mb__after_atomic() weft_kbarrier("smp_mb__after_atomic", WEFT_HERE)

#endif
