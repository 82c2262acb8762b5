/* linux/weft/bitops.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  Bit masks, non-atomic bit
 * operations and bitmaps of <linux/bitops.h>, bits.h and bitmap.h
 * beyond <weft/linux.h>. */
#ifndef WEFT_KERNEL_LINUX_WEFT_BITOPS_H
#define WEFT_KERNEL_LINUX_WEFT_BITOPS_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define BIT_ULL(n) (1ULL << (n))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BITS_PER_BYTE 8
#define BITS_PER_LONG_LONG 64
#define GENMASK(h, l)                                                         \
	(((~0UL) - (1UL << (l)) + 1) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l)                                                     \
	(((~0ULL) - (1ULL << (l)) + 1) & (~0ULL >> (63 - (h))))
/* The kernel's generic __clear_bit_unlock: a load and a release store of
 * the word, not an atomic read-modify-write, for a word only the lock's
 * holder writes: a set_bit of another bit of it between the two is lost,
 * as in the kernel (it was clear_bit_unlock, atomic, and the lost bit
 * was verified; a helper's probe). */
#define __clear_bit_unlock(nr, a)                                             \
	do {                                                                  \
		long weft_cn_ = (long)(nr);                                   \
		unsigned long *weft_cw_ =                                     \
			(unsigned long *)(a) + BIT_WORD(weft_cn_);            \
		long weft_cv_ = weft_katomic_op(weft_cw_, sizeof(long),       \
						WEFT_KA_READ, 0, 0,           \
						"__clear_bit_unlock",         \
						WEFT_HERE);                   \
		(void)weft_katomic_op(weft_cw_, sizeof(long), WEFT_KA_SET,    \
				      weft_cv_ & ~(long)BIT_MASK(weft_cn_),   \
				      0, "atomic_long_set_release",           \
				      WEFT_HERE);                             \
	} while (0)
#define test_bit_acquire(nr, a) test_bit(nr, a)
#define assign_bit(nr, a, v)                                                  \
	do {                                                                  \
		if (v)                                                        \
			set_bit(nr, a);                                       \
		else                                                          \
			clear_bit(nr, a);                                     \
	} while (0)
#define __assign_bit(nr, a, v)                                                \
	do {                                                                  \
		if (v)                                                        \
			__set_bit(nr, a);                                     \
		else                                                          \
			__clear_bit(nr, a);                                   \
	} while (0)
static inline int weft_kx_fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}
#define fls(x) weft_kx_fls(x)
#define fls64(x) ((u64)(x) ? 64 - __builtin_clzll((u64)(x)) : 0)
#define fls_long(x) fls64(x)
#define ffs(x) __builtin_ffs(x)
#define __ffs(x) ((unsigned long)__builtin_ctzl(x))
#define __fls(x) ((unsigned long)(BITS_PER_LONG - 1 - __builtin_clzl(x)))
#define ffz(x) __ffs(~(x))
#define hweight8(x) __builtin_popcount((u8)(x))
#define hweight16(x) __builtin_popcount((u16)(x))
#define hweight32(x) __builtin_popcount((u32)(x))
#define hweight64(x) __builtin_popcountll((u64)(x))
#define hweight_long(x) __builtin_popcountl(x)
#define ilog2(n) (fls64(n) - 1)
#define is_power_of_2(n) ((n) != 0 && (((n) & ((n) - 1)) == 0))
#define roundup_pow_of_two(n) (1UL << fls_long((n) - 1))
#define rounddown_pow_of_two(n) (1UL << (fls_long(n) - 1))
/* Searching bits reads the words with plain loads, as the kernel's
 * find_*_bit do. */
static inline unsigned long weft_kx_find_next(const unsigned long *a,
					      unsigned long size,
					      unsigned long off, int want)
{
	while (off < size) {
		unsigned long w = a[off / BITS_PER_LONG];

		if (!want)
			w = ~w;
		w &= ~0UL << (off % BITS_PER_LONG);
		if (w) {
			off = off - off % BITS_PER_LONG +
			      (unsigned long)__builtin_ctzl(w);
			return off < size ? off : size;
		}
		off = off - off % BITS_PER_LONG + BITS_PER_LONG;
	}
	return size;
}
#define find_next_bit(a, size, off) weft_kx_find_next((a), (size), (off), 1)
#define find_next_zero_bit(a, size, off) weft_kx_find_next((a), (size), (off), 0)
#define find_first_bit(a, size) weft_kx_find_next((a), (size), 0, 1)
#define find_first_zero_bit(a, size) weft_kx_find_next((a), (size), 0, 0)
#define for_each_set_bit(bit, a, size)                                        \
	for ((bit) = find_first_bit((a), (size)); (bit) < (size);             \
	     (bit) = find_next_bit((a), (size), (bit) + 1))
#define for_each_clear_bit(bit, a, size)                                      \
	for ((bit) = find_first_zero_bit((a), (size)); (bit) < (size);        \
	     (bit) = find_next_zero_bit((a), (size), (bit) + 1))
#define bitmap_zero(dst, nbits)                                               \
	memset((dst), 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long))
#define bitmap_fill(dst, nbits)                                               \
	memset((dst), 0xff, BITS_TO_LONGS(nbits) * sizeof(unsigned long))
#define bitmap_empty(src, nbits) (find_first_bit((src), (nbits)) >= (nbits))
#define bitmap_full(src, nbits) (find_first_zero_bit((src), (nbits)) >= (nbits))

/* Bit spinlocks (<linux/bit_spinlock.h>): a spin on the bit with
 * preemption off, as in the kernel (lockdep does not see them, nor does
 * weft's lock order).  Who holds each is kept for the interrupt checks
 * (ext_bitlock.c): a hard interrupt handler spinning on one a thread
 * holds with interrupts enabled is a deadlock, and so is a softirq (a
 * timer callback, a tasklet) spinning on one held with softirqs enabled:
 * the preempt_disable here does not keep softirqs off. */
#define bit_spin_lock(b, a)                                                   \
	do {                                                                  \
		preempt_disable();                                            \
		while (test_and_set_bit_lock(b, a)) {                         \
			preempt_enable();                                     \
			weft_kx_bit_spin((b), (a), WEFT_HERE);                \
			do                                                    \
				cpu_relax();                                  \
			while (test_bit(b, a));                               \
			preempt_disable();                                    \
		}                                                             \
		weft_kx_bit_held((b), (a), 1, WEFT_HERE);                     \
	} while (0)
#define bit_spin_trylock(b, a)                                                \
	(__extension__({                                                      \
		int weft_got_;                                                \
		preempt_disable();                                            \
		weft_got_ = !test_and_set_bit_lock(b, a);                     \
		if (!weft_got_)                                               \
			preempt_enable();                                     \
		else                                                          \
			weft_kx_bit_held((b), (a), 1, WEFT_HERE);             \
		weft_got_;                                                    \
	}))
#define bit_spin_unlock(b, a)                                                 \
	do {                                                                  \
		clear_bit_unlock(b, a);                                       \
		weft_kx_bit_held((b), (a), 0, WEFT_HERE);                     \
		preempt_enable();                                             \
	} while (0)
#define __bit_spin_unlock(b, a)                                               \
	do {                                                                  \
		__clear_bit_unlock(b, a);                                     \
		weft_kx_bit_held((b), (a), 0, WEFT_HERE);                     \
		preempt_enable();                                             \
	} while (0)
#define bit_spin_is_locked(b, a) test_bit(b, a)

#endif
