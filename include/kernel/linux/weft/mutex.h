/* linux/weft/mutex.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  The mutex, rwsem and lockdep
 * spellings beyond <weft/linux.h>: nested forms map onto the plain lock,
 * the read side's interruptible form ends with -EINTR once the caller is
 * stopped (as mutex_lock_interruptible does: kthread_stop's
 * TIF_NOTIFY_SIGNAL), the killable forms wait as the plain lock does (only
 * a fatal signal ends them, and nothing sends one), lockdep_assert_held is
 * checked, and class
 * annotations re-key a lock's class (weft keys classes by init site
 * otherwise). */
#ifndef WEFT_KERNEL_LINUX_WEFT_MUTEX_H
#define WEFT_KERNEL_LINUX_WEFT_MUTEX_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define mutex_lock_io(m) mutex_lock(m)
#define mutex_lock_interruptible_nested(m, sub) mutex_lock_interruptible(m)
#define mutex_lock_killable_nested(m, sub) mutex_lock_killable(m)
#define mutex_lock_nest_lock(m, nest) mutex_lock(m)
#define devm_mutex_init(dev, m) (mutex_init(m), 0)
#define down_read_interruptible(s)                                            \
	weft_klock_read_intr((s), "down_read_interruptible", WEFT_HERE)
#define down_read_killable(s) (weft_klock_read((s), WEFT_HERE), 0)
#define down_write_killable(s) (weft_klock_lock((s), WEFT_HERE), 0)
#define down_read_nested(s, sub) down_read(s)
#define down_write_nested(s, sub) down_write(s)
#define down_read_non_owner(s) weft_klock_read_non_owner((s), WEFT_HERE)
#define up_read_non_owner(s) weft_klock_read_unlock_non_owner((s), WEFT_HERE)
#define rwsem_is_locked(s) weft_klock_is_locked((s), WEFT_HERE)

/* Lock classes are keyed by the init site, unless a class annotation
 * re-keys the lock to a struct lock_class_key's address (and subclass:
 * one byte a subclass, so that keys and their subclasses are distinct
 * addresses).  The annotations apply to the locks weft models as a
 * struct weft_klock (mutexes, rwsems, spinlocks, rwlocks); on anything
 * else they are accepted and ignored. */
struct lock_class_key {
	char weft_subkeys_[WEFT_KLOCK_SUBCLASSES];
};
#define WEFT_KX_KLOCK_OR_NULL(l)                                              \
	_Generic((l), struct weft_klock *: (l), default: (struct weft_klock *)0)
#define lockdep_set_class_and_subclass(l, key, sub)                           \
	weft_klock_set_class(WEFT_KX_KLOCK_OR_NULL(l), (key),                 \
			     WEFT_LX_NAME(#key), (sub),                       \
			     "lockdep_set_class_and_subclass", WEFT_HERE)
#define lockdep_set_class(l, key)                                             \
	weft_klock_set_class(WEFT_KX_KLOCK_OR_NULL(l), (key),                 \
			     WEFT_LX_NAME(#key), 0, "lockdep_set_class",      \
			     WEFT_HERE)
#define lockdep_set_class_and_name(l, key, name)                              \
	weft_klock_set_class(WEFT_KX_KLOCK_OR_NULL(l), (key), (name), 0,      \
			     "lockdep_set_class_and_name", WEFT_HERE)
#define lockdep_set_subclass(l, sub)                                          \
	weft_klock_set_class(WEFT_KX_KLOCK_OR_NULL(l), NULL, NULL, (sub),     \
			     "lockdep_set_subclass", WEFT_HERE)
#define lockdep_set_novalidate_class(l) ((void)0)
#define lockdep_register_key(key) ((void)(key))
#define lockdep_unregister_key(key) ((void)(key))
#define lockdep_off() ((void)0)
#define lockdep_on() ((void)0)
#define lockdep_assert_held_once(l) lockdep_assert_held(l)
/* Held in the mode named, as lockdep checks (both were
 * lockdep_assert_held: a rwsem held for reading passed the write check). */
#define lockdep_assert_held_write(l)                                          \
	do {                                                                  \
		if (!weft_klock_held_write(l))                                \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_held_write(%s): not "     \
				    "held for writing", #l);                  \
	} while (0)
#define lockdep_assert_held_read(l)                                           \
	do {                                                                  \
		if (!weft_klock_held_read(l))                                 \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_held_read(%s): not "      \
				    "held for reading", #l);                  \
	} while (0)
#define lockdep_assert_not_held(l)                                            \
	do {                                                                  \
		if (weft_klock_held(l))                                       \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_not_held(%s): the caller " \
				    "holds it", #l);                          \
	} while (0)
#define lockdep_assert_none_held_once() ((void)0)
#define lockdep_assert_irqs_disabled()                                        \
	do {                                                                  \
		if (!irqs_disabled())                                         \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_irqs_disabled: interrupts " \
				    "are enabled");                           \
	} while (0)
#define lockdep_assert_irqs_enabled()                                         \
	do {                                                                  \
		if (irqs_disabled())                                          \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_irqs_enabled: interrupts " \
				    "are disabled");                          \
	} while (0)
#define lockdep_assert_in_softirq()                                           \
	do {                                                                  \
		if (!in_softirq())                                            \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_in_softirq: not in "      \
				    "softirq context");                       \
	} while (0)
/* Preemption counts as off in any atomic section weft knows (an RCU read
 * section too, as without CONFIG_PREEMPT_RCU): no false report. */
#define lockdep_assert_preemption_disabled()                                  \
	do {                                                                  \
		if (preemptible())                                            \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_preemption_disabled: "    \
				    "the caller is preemptible");             \
	} while (0)
#define lockdep_assert_preemption_enabled()                                   \
	do {                                                                  \
		if (!preemptible())                                           \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_preemption_enabled: "     \
				    "preemption is disabled");                \
	} while (0)
#define lockdep_assert(c) WARN_ON(!(c))
#define lockdep_assert_once(c) WARN_ON_ONCE(!(c))
#define lockdep_is_held_type(l, r) lockdep_is_held(l)
#define lock_is_held(dep_map) 1
#define might_lock(l) ((void)(l))
#define might_lock_read(l) ((void)(l))
#define might_lock_nested(l, sub) ((void)(l))
#define lockdep_rtnl_is_held() weft_klock_held(&weft_rtnl_mutex)
#define debug_locks 1
#define debug_locks_off() 0

#endif
