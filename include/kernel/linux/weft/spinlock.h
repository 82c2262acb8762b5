/* linux/weft/spinlock.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  The spinlock, irqflags,
 * preempt and bottom-half spellings beyond <weft/linux.h>; disabling
 * preemption, interrupts or bottom halves is an atomic section
 * (src/linux/ext_sched.c), in which sleeping is misuse, and disabling
 * interrupts keeps hard interrupt handlers off the CPU (ext_irq.c). */
#ifndef WEFT_KERNEL_LINUX_WEFT_SPINLOCK_H
#define WEFT_KERNEL_LINUX_WEFT_SPINLOCK_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define spin_lock_nested(l, sub) spin_lock(l)
#define spin_lock_irqsave_nested(l, flags, sub) spin_lock_irqsave(l, flags)
#define spin_lock_bh_nested(l, sub) spin_lock_bh(l)
#define raw_spin_lock_irq(l) spin_lock_irq(l)
#define raw_spin_unlock_irq(l) spin_unlock_irq(l)
#define raw_spin_lock_bh(l) spin_lock_bh(l)
#define raw_spin_unlock_bh(l) spin_unlock_bh(l)
#define raw_spin_trylock(l) spin_trylock(l)
#define raw_spin_is_locked(l) spin_is_locked(l)
/* As the kernel's: softirqs off first, on again when the lock is busy
 * (it was spin_trylock: a timer callback taking the lock was a false
 * deadlock against the holder). */
#define spin_trylock_bh(l)                                                    \
	(weft_kx_bh_off(1), spin_trylock(l) ? 1 : (weft_kx_bh_off(-1), 0))
/* As the kernel's: a failed spin_trylock_irq enables interrupts, a
 * failed spin_trylock_irqsave restores them. */
#define spin_trylock_irq(l)                                                   \
	(weft_kx_irqs_off(1), spin_trylock(l) ? 1 : (weft_kx_irqs_off(-1), 0))
#define spin_trylock_irqsave(l, flags)                                        \
	((flags) = weft_kx_irq_save(),                                        \
	 spin_trylock(l) ? 1 : (weft_kx_irq_restore(flags), 0))
#define raw_spin_trylock_irqsave(l, flags) spin_trylock_irqsave(l, flags)
#define spin_is_contended(l) 0
#define assert_raw_spin_locked(l) assert_spin_locked(l)
#define arch_spinlock_t spinlock_t

/* Disabling preemption, interrupts or bottom halves makes the section
 * atomic, where sleeping is misuse.  Disabling interrupts also keeps a
 * hard interrupt handler off the caller's CPU: a handler that spins on a
 * lock held outside such a section is a deadlock (src/linux/ext_irq.c). */
/* Sleeping with interrupts disabled is misuse (weft_might_sleep reads
 * the state), but they are no nested section: local_irq_enable inside
 * local_irq_save is legal, and the restore puts back the saved state. */
/* The bare disables begin an RCU reader's region: a step first, which a
 * grace period's start depends on (weft_kx_region_enter; the lock forms
 * below have the lock's step). */
#define local_irq_save(flags)                                                 \
	((flags) = (weft_kx_region_enter("local_irq_save", WEFT_HERE),         \
		    weft_kx_irq_save()))
#define local_irq_restore(flags) weft_kx_irq_restore(flags)
#define local_irq_disable()                                                   \
	(weft_kx_region_enter("local_irq_disable", WEFT_HERE),                \
	 weft_kx_irqs_off(1))
#define local_irq_enable() weft_kx_irqs_off(-1)
/* The _bh lock forms and local_bh_disable disable softirqs, counted per
 * thread (src/linux/ext_softirq.c), so that a timer callback spinning on
 * a lock process context holds with them enabled is seen; a program of
 * this header tree says it counts them once, as it starts. */
__attribute__((constructor)) static void weft__kx_bh_counted(void)
{
	weft_kx_bh_counted();
}
#undef spin_lock_bh
#undef spin_unlock_bh
#define spin_lock_bh(l)                                                       \
	do {                                                                  \
		weft_kx_bh_off(1);                                            \
		weft_klock_lock((l), WEFT_HERE);                              \
	} while (0)
#define spin_unlock_bh(l)                                                     \
	do {                                                                  \
		weft_klock_unlock((l), WEFT_HERE);                            \
		weft_kx_bh_off(-1);                                           \
	} while (0)
#undef read_lock_bh
#undef read_unlock_bh
#undef write_lock_bh
#undef write_unlock_bh
#define read_lock_bh(l) (weft_kx_bh_off(1), read_lock(l))
#define read_unlock_bh(l) (read_unlock(l), weft_kx_bh_off(-1))
#define write_lock_bh(l) (weft_kx_bh_off(1), write_lock(l))
#define write_unlock_bh(l) (write_unlock(l), weft_kx_bh_off(-1))
/* The _irq and _irqsave lock forms disable interrupts around the lock,
 * as the kernel's do. */
#undef spin_lock_irq
#undef spin_unlock_irq
#undef spin_lock_irqsave
#undef spin_unlock_irqrestore
#define spin_lock_irq(l)                                                      \
	do {                                                                  \
		weft_kx_irqs_off(1);                                          \
		weft_klock_lock((l), WEFT_HERE);                              \
	} while (0)
#define spin_unlock_irq(l)                                                    \
	do {                                                                  \
		weft_klock_unlock((l), WEFT_HERE);                            \
		weft_kx_irqs_off(-1);                                         \
	} while (0)
#define spin_lock_irqsave(l, flags)                                           \
	do {                                                                  \
		(flags) = weft_kx_irq_save();                                 \
		weft_klock_lock((l), WEFT_HERE);                              \
	} while (0)
#define spin_unlock_irqrestore(l, flags)                                      \
	do {                                                                  \
		weft_klock_unlock((l), WEFT_HERE);                            \
		weft_kx_irq_restore(flags);                                   \
	} while (0)
#undef read_lock_irq
#undef read_unlock_irq
#undef write_lock_irq
#undef write_unlock_irq
#define read_lock_irq(l) (weft_kx_irqs_off(1), read_lock(l))
#define read_unlock_irq(l) (read_unlock(l), weft_kx_irqs_off(-1))
#define write_lock_irq(l) (weft_kx_irqs_off(1), write_lock(l))
#define write_unlock_irq(l) (write_unlock(l), weft_kx_irqs_off(-1))
#undef read_lock_irqsave
#undef read_unlock_irqrestore
#undef write_lock_irqsave
#undef write_unlock_irqrestore
#define read_lock_irqsave(l, flags) ((flags) = weft_kx_irq_save(), read_lock(l))
#define read_unlock_irqrestore(l, flags)                                      \
	(read_unlock(l), weft_kx_irq_restore(flags))
#define write_lock_irqsave(l, flags) ((flags) = weft_kx_irq_save(), write_lock(l))
#define write_unlock_irqrestore(l, flags)                                     \
	(write_unlock(l), weft_kx_irq_restore(flags))
#define local_bh_disable()                                                    \
	do {                                                                  \
		weft_kx_region_enter("local_bh_disable", WEFT_HERE);          \
		weft_kx_bh_disable_();                                        \
	} while (0)
/* Without the step: rcu_read_lock_bh, whose rcu_read_lock is one. */
#define weft_kx_bh_disable_()                                                 \
	do {                                                                  \
		weft_kx_atomic(1, "local_bh_disable section", WEFT_HERE);     \
		weft_kx_bh_off(1);                                            \
	} while (0)
#define local_bh_enable()                                                     \
	do {                                                                  \
		weft_kx_bh_off(-1);                                           \
		weft_kx_atomic(-1, "local_bh_enable", WEFT_HERE);             \
	} while (0)
#define preempt_disable()                                                     \
	(weft_kx_region_enter("preempt_disable", WEFT_HERE),                  \
	 weft_kx_preempt_disable_())
#define weft_kx_preempt_disable_()                                            \
	weft_kx_atomic(1, WEFT_KX_PREEMPT_SECTION, WEFT_HERE)
#define preempt_enable() weft_kx_atomic(-1, "preempt_enable", WEFT_HERE)
#define preempt_enable_no_resched() preempt_enable()
#define preempt_disable_notrace() preempt_disable()
#define preempt_enable_notrace() preempt_enable()
/* Linux 5.11 on: a migrate_disable section keeps the thread on its CPU
 * (smp_processor_id() and this_cpu_ptr() in it are no misuse) but stays
 * preemptible: it may sleep, and it is no RCU read section (it was
 * preempt_disable: a mutex taken under it was a false misuse, and a
 * reader relying on it alone against synchronize_rcu was verified). */
#define migrate_disable() weft_kx_migrate(1, WEFT_HERE)
/* Local locks (<linux/local_lock.h>) as a kernel without PREEMPT_RT has
 * them: local_lock disables preemption, the _irq forms interrupts; the
 * per-CPU lock itself is only lockdep's. */
typedef struct {
	int weft_unused_;
} local_lock_t;
#define INIT_LOCAL_LOCK(n) { 0 }
#define local_lock_init(l) ((void)(l))
#define local_lock(l) ((void)(l), preempt_disable())
#define local_unlock(l) ((void)(l), preempt_enable())
#define local_lock_irq(l) ((void)(l), local_irq_disable())
#define local_unlock_irq(l) ((void)(l), local_irq_enable())
#define local_lock_irqsave(l, flags) ((void)(l), local_irq_save(flags))
#define local_unlock_irqrestore(l, flags) ((void)(l), local_irq_restore(flags))
#define local_lock_nested_bh(l) ((void)(l))
#define local_unlock_nested_bh(l) ((void)(l))
#define migrate_enable() weft_kx_migrate(-1, WEFT_HERE)
#define irqs_disabled() weft_kx_irqs_disabled()
#define preemptible() (!weft_in_atomic())
#define preempt_count() (weft_in_atomic() ? 1 : 0)
/* Softirq context: a timer or RCU callback, a tasklet.  Hard-interrupt
 * context: a handler given to request_irq.  As the kernel's softirq
 * count, in_softirq() and in_interrupt() are also true with softirqs
 * disabled (local_bh_disable, spin_lock_bh); in_serving_softirq() is not
 * (they were in_serving_softirq(): a WARN_ON(!in_softirq()) under
 * local_bh_disable and a kmalloc(in_interrupt() ? GFP_ATOMIC :
 * GFP_KERNEL) under spin_lock_bh were false reports). */
#define in_softirq() (weft_kx_in_softirq() || weft_kx_bh_disabled())
#define in_serving_softirq() weft_kx_in_softirq()
#define in_interrupt() (in_softirq() || weft_kx_in_hardirq())
#define in_task() (!in_interrupt())
#define in_irq() weft_kx_in_hardirq()
#define in_hardirq() weft_kx_in_hardirq()
#define in_nmi() 0
#define typecheck(type, x) 1
#undef cond_resched
#define cond_resched() weft_kx_cond_resched(WEFT_HERE)
#define might_sleep_if(c)                                                     \
	do {                                                                  \
		if (c)                                                        \
			might_sleep();                                        \
	} while (0)
#define might_fault() might_sleep()
#define cant_sleep()                                                          \
	do {                                                                  \
		if (preemptible())                                            \
			weft_report("misuse", WEFT_HERE,                      \
				    "cant_sleep() in preemptible code");      \
	} while (0)
#define non_block_start() ((void)0)
#define non_block_end() ((void)0)

#endif
