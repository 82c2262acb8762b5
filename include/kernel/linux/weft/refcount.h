/* linux/weft/refcount.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  refcount and kref
 * spellings beyond <weft/linux.h>; refcount_dec_and_lock always takes
 * the lock, which is stronger than the kernel but never reports a false
 * bug. */
#ifndef WEFT_KERNEL_LINUX_WEFT_REFCOUNT_H
#define WEFT_KERNEL_LINUX_WEFT_REFCOUNT_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define refcount_dec_and_lock(r, l)                                           \
	(__extension__({                                                      \
		bool weft_z_;                                                 \
		spin_lock(l);                                                 \
		weft_z_ = weft_refcount_add((r), -1, 0, 1,                    \
					    "refcount_dec_and_lock",          \
					    WEFT_HERE);                       \
		if (!weft_z_)                                                 \
			spin_unlock(l);                                       \
		weft_z_;                                                      \
	}))
#define refcount_dec_and_mutex_lock(r, m) refcount_dec_and_lock(r, m)
#define refcount_dec_and_lock_irqsave(r, l, flags)                            \
	((*(flags) = weft_kx_irq_save()),                                     \
	 refcount_dec_and_lock(r, l) ? 1 : (weft_kx_irq_restore(*(flags)), 0))
#define refcount_inc_not_zero_acquire(r) refcount_inc_not_zero(r)
#define refcount_add_not_zero(n, r)                                           \
	(weft_refcount_add((r), (n), 1, 0, "refcount_add_not_zero", WEFT_HERE))

#endif
