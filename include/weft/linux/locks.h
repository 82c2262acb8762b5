/* weft/linux/locks.h - part of <weft/linux.h>:
 * spinlocks, mutexes, rw_semaphores, rtnl.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_LOCKS_H
#define WEFT_LINUX_LOCKS_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

#define mutex weft_klock
#define rw_semaphore weft_klock
typedef struct weft_klock spinlock_t;
typedef struct weft_klock raw_spinlock_t;

#define __SPIN_LOCK_UNLOCKED(x) WEFT_KLOCK_INIT(WEFT_KLOCK_SPIN, #x)
#define DEFINE_SPINLOCK(x) spinlock_t x = WEFT_KLOCK_INIT(WEFT_KLOCK_SPIN, #x)
#define DEFINE_RAW_SPINLOCK(x) DEFINE_SPINLOCK(x)
#define spin_lock_init(l)                                                     \
	weft_klock_init((l), WEFT_KLOCK_SPIN, WEFT_LX_NAME(#l), WEFT_HERE)
#define raw_spin_lock_init(l) spin_lock_init(l)
#define spin_lock(l) weft_klock_lock((l), WEFT_HERE)
#define spin_unlock(l) weft_klock_unlock((l), WEFT_HERE)
#define spin_lock_bh(l) weft_klock_lock((l), WEFT_HERE)
#define spin_unlock_bh(l) weft_klock_unlock((l), WEFT_HERE)
#define spin_lock_irq(l) weft_klock_lock((l), WEFT_HERE)
#define spin_unlock_irq(l) weft_klock_unlock((l), WEFT_HERE)
#define spin_lock_irqsave(l, flags)                                           \
	do {                                                                  \
		(flags) = 0;                                                  \
		weft_klock_lock((l), WEFT_HERE);                              \
	} while (0)
#define spin_unlock_irqrestore(l, flags)                                      \
	do {                                                                  \
		(void)(flags);                                                \
		weft_klock_unlock((l), WEFT_HERE);                            \
	} while (0)
#define spin_trylock(l) weft_klock_trylock((l), WEFT_HERE)
#define spin_is_locked(l) weft_klock_is_locked((l), WEFT_HERE)
#define assert_spin_locked(l) weft_klock_assert_held((l), WEFT_HERE)
#define raw_spin_lock(l) spin_lock(l)
#define raw_spin_unlock(l) spin_unlock(l)
#define raw_spin_lock_irqsave(l, f) spin_lock_irqsave(l, f)
#define raw_spin_unlock_irqrestore(l, f) spin_unlock_irqrestore(l, f)

/* rwlock_t: readers share it, writers exclude everyone; both sides spin,
 * so sleeping while holding either is misuse, as under a spinlock.  The
 * _bh/_irq/_irqsave variants are the same lock (interrupts are not
 * modelled).  Readers never wait for a waiting writer here (the kernel's
 * queued rwlock makes process-context readers queue behind one), so a
 * reader-writer-reader chain is seen by the lock-order graph, not as a
 * hang. */
typedef struct weft_klock rwlock_t;
#define __RW_LOCK_UNLOCKED(x) WEFT_KLOCK_INIT(WEFT_KLOCK_RWLOCK, #x)
#define DEFINE_RWLOCK(x) rwlock_t x = WEFT_KLOCK_INIT(WEFT_KLOCK_RWLOCK, #x)
#define rwlock_init(l)                                                        \
	weft_klock_init((l), WEFT_KLOCK_RWLOCK, WEFT_LX_NAME(#l), WEFT_HERE)
#define read_lock(l) weft_klock_read((l), WEFT_HERE)
#define read_unlock(l) weft_klock_read_unlock((l), WEFT_HERE)
#define write_lock(l) weft_klock_lock((l), WEFT_HERE)
#define write_unlock(l) weft_klock_unlock((l), WEFT_HERE)
#define read_trylock(l) weft_klock_tryread((l), WEFT_HERE)
#define write_trylock(l) weft_klock_trylock((l), WEFT_HERE)
#define read_lock_bh(l) read_lock(l)
#define read_unlock_bh(l) read_unlock(l)
#define write_lock_bh(l) write_lock(l)
#define write_unlock_bh(l) write_unlock(l)
#define read_lock_irq(l) read_lock(l)
#define read_unlock_irq(l) read_unlock(l)
#define write_lock_irq(l) write_lock(l)
#define write_unlock_irq(l) write_unlock(l)
#define read_lock_irqsave(l, flags)                                           \
	do {                                                                  \
		(flags) = 0;                                                  \
		read_lock(l);                                                 \
	} while (0)
#define read_unlock_irqrestore(l, flags)                                      \
	do {                                                                  \
		(void)(flags);                                                \
		read_unlock(l);                                               \
	} while (0)
#define write_lock_irqsave(l, flags)                                          \
	do {                                                                  \
		(flags) = 0;                                                  \
		write_lock(l);                                                \
	} while (0)
#define write_unlock_irqrestore(l, flags)                                     \
	do {                                                                  \
		(void)(flags);                                                \
		write_unlock(l);                                              \
	} while (0)

#define DEFINE_MUTEX(x)                                                       \
	struct weft_klock x = WEFT_KLOCK_INIT(WEFT_KLOCK_MUTEX, #x)
#define __MUTEX_INITIALIZER(x) WEFT_KLOCK_INIT(WEFT_KLOCK_MUTEX, #x)
#define mutex_init(m)                                                         \
	weft_klock_init((m), WEFT_KLOCK_MUTEX, WEFT_LX_NAME(#m), WEFT_HERE)
#define mutex_destroy(m) weft_klock_destroy((m), "mutex_destroy", WEFT_HERE)
#define mutex_lock(m) weft_klock_lock((m), WEFT_HERE)
#define mutex_lock_nested(m, sub) weft_klock_lock((m), WEFT_HERE)
#define mutex_lock_interruptible(m)                                           \
	weft_klock_lock_intr((m), "mutex_lock_interruptible", WEFT_HERE)
/* A killable sleep ends only on a fatal signal (signal_pending_state
 * wants SIGKILL without TASK_INTERRUPTIBLE), which nothing sends here: a
 * kthread_stop sets TIF_NOTIFY_SIGNAL, which ends interruptible sleeps
 * only, so the killable lock waits as mutex_lock does. */
#define mutex_lock_killable(m) (weft_klock_lock((m), WEFT_HERE), 0)
#define mutex_trylock(m) weft_klock_trylock((m), WEFT_HERE)
#define mutex_unlock(m) weft_klock_unlock((m), WEFT_HERE)
#define mutex_is_locked(m) (weft_klock_is_locked((m), WEFT_HERE))
#define lockdep_assert_held(l) weft_klock_assert_held((l), WEFT_HERE)
#define lockdep_is_held(l) weft_klock_held(l)

#define DECLARE_RWSEM(x)                                                      \
	struct weft_klock x = WEFT_KLOCK_INIT(WEFT_KLOCK_RWSEM, #x)
#define init_rwsem(s)                                                         \
	weft_klock_init((s), WEFT_KLOCK_RWSEM, WEFT_LX_NAME(#s), WEFT_HERE)
#define down_read(s) weft_klock_read((s), WEFT_HERE)
#define up_read(s) weft_klock_read_unlock((s), WEFT_HERE)
#define down_write(s) weft_klock_lock((s), WEFT_HERE)
#define up_write(s) weft_klock_unlock((s), WEFT_HERE)
#define down_read_trylock(s) weft_klock_tryread((s), WEFT_HERE)
#define down_write_trylock(s) weft_klock_trylock((s), WEFT_HERE)
#define downgrade_write(s) weft_klock_downgrade((s), WEFT_HERE)

#define rtnl_mutex weft_rtnl_mutex
#define rtnl_lock() weft_klock_lock(&weft_rtnl_mutex, WEFT_HERE)
#define rtnl_unlock() weft_klock_unlock(&weft_rtnl_mutex, WEFT_HERE)
#define rtnl_trylock() weft_klock_trylock(&weft_rtnl_mutex, WEFT_HERE)
#define rtnl_is_locked() weft_klock_is_locked(&weft_rtnl_mutex, WEFT_HERE)
#define ASSERT_RTNL() weft_klock_assert_held(&weft_rtnl_mutex, WEFT_HERE)

/* CPU hotplug (<linux/cpu.h>): cpu_hotplug_lock, the per-CPU rwsem that
 * cpus_read_lock takes shared and the hotplug path (cpus_write_lock, as
 * cpu_up and cpu_down take it) exclusively.  A reader waits for a writer
 * that came first, so taking it shared twice, or in both orders with
 * another lock, is the lock-order bug lockdep reports. */
#define cpus_read_lock() weft_klock_read(&weft_cpu_hotplug_lock, WEFT_HERE)
#define cpus_read_unlock()                                                     \
	weft_klock_read_unlock(&weft_cpu_hotplug_lock, WEFT_HERE)
#define cpus_read_trylock() weft_klock_tryread(&weft_cpu_hotplug_lock, WEFT_HERE)
#define cpus_write_lock() weft_klock_lock(&weft_cpu_hotplug_lock, WEFT_HERE)
#define cpus_write_unlock() weft_klock_unlock(&weft_cpu_hotplug_lock, WEFT_HERE)
#define get_online_cpus() cpus_read_lock()
#define put_online_cpus() cpus_read_unlock()
#define lockdep_assert_cpus_held()                                             \
	weft_klock_assert_held(&weft_cpu_hotplug_lock, WEFT_HERE)

#endif
