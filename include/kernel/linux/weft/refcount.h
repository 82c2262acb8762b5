/* linux/weft/refcount.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  refcount and kref
 * spellings beyond <weft/linux.h>, and the _dec_and_lock family of
 * refcount_t and atomic_t. */
#ifndef WEFT_KERNEL_LINUX_WEFT_REFCOUNT_H
#define WEFT_KERNEL_LINUX_WEFT_REFCOUNT_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* As the kernel does it: the count drops without the lock unless this
 * is the last reference, which is dropped with the lock held; true, with
 * the lock held, when it was. */
#define weft_lx_dec_and_lock_(r, l, what)                                     \
	(__extension__({                                                      \
		bool weft_z_ = false;                                         \
		if (!weft_refcount_dec_not_one((r), what, WEFT_HERE)) {       \
			weft_klock_lock((l), WEFT_HERE);                      \
			weft_z_ = weft_refcount_add((r), -1, 0, 1, what,      \
						    WEFT_HERE);               \
			if (!weft_z_)                                         \
				weft_klock_unlock((l), WEFT_HERE);            \
		}                                                             \
		weft_z_;                                                      \
	}))
#define refcount_dec_and_lock(r, l)                                           \
	weft_lx_dec_and_lock_(r, l, "refcount_dec_and_lock")
#define refcount_dec_and_mutex_lock(r, m)                                     \
	weft_lx_dec_and_lock_(r, m, "refcount_dec_and_mutex_lock")
#define refcount_dec_and_lock_irqsave(r, l, flags)                            \
	((*(flags) = (weft_kx_region_enter("local_irq_save", WEFT_HERE),      \
		      weft_kx_irq_save())),                                   \
	 refcount_dec_and_lock(r, l) ? 1 : (weft_kx_irq_restore(*(flags)), 0))
#define refcount_dec_not_one(r)                                               \
	((bool)weft_refcount_dec_not_one((r), "refcount_dec_not_one",         \
					 WEFT_HERE))
/* The same for an atomic_t (lib/dec_and_lock.c). */
#define weft_lx_atomic_dec_and_lock_(v, l)                                    \
	(__extension__({                                                      \
		int weft_z_ = 0;                                              \
		if (!atomic_add_unless((v), -1, 1)) {                         \
			weft_klock_lock((l), WEFT_HERE);                      \
			weft_z_ = atomic_dec_and_test(v);                     \
			if (!weft_z_)                                         \
				weft_klock_unlock((l), WEFT_HERE);            \
		}                                                             \
		weft_z_;                                                      \
	}))
#define atomic_dec_and_lock(v, l) weft_lx_atomic_dec_and_lock_(v, l)
#define atomic_dec_and_mutex_lock(v, m) weft_lx_atomic_dec_and_lock_(v, m)
#define atomic_dec_and_lock_irqsave(v, l, flags)                              \
	((*(flags) = (weft_kx_region_enter("local_irq_save", WEFT_HERE),      \
		      weft_kx_irq_save())),                                   \
	 atomic_dec_and_lock(v, l) ? 1 : (weft_kx_irq_restore(*(flags)), 0))
#define refcount_inc_not_zero_acquire(r)                                      \
	(weft_refcount_add((r), 1, 1, 0, "refcount_inc_not_zero_acquire",     \
			   WEFT_HERE))
#define refcount_add_not_zero(n, r)                                           \
	(weft_refcount_add((r), (n), 1, 0, "refcount_add_not_zero", WEFT_HERE))

#define refcount_dec_if_one(r)                                                \
	((bool)weft_refcount_dec_if_one((r), "refcount_dec_if_one", WEFT_HERE))

#endif
