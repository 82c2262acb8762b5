/* weft/linux.h - kernel spellings for weft's Linux models.
 *
 * Include this instead of the kernel headers and kernel-style code compiles
 * almost unchanged: every name below maps onto a weft_ object or function
 * (see klock.h, completion.h, kwait.h, workqueue.h, ktime.h, rcu.h,
 * refcount.h, katomic.h, kmem.h, kthread.h, kcontext.h), and every call site is
 * captured so traces show the test's own lines.  Objects are named after
 * the stringified argument: mutex_init(&priv->mcast_mutex) is
 * "priv->mcast_mutex", INIT_WORK(&w, fn) is "fn", alloc_workqueue("x", ...)
 * is "x".  Struct tags (work_struct, completion, mutex, ...) are macros that
 * rename them to the weft types, so `struct mutex m;` just works.
 *
 * This is the only file where kernel names are defined. */
#ifndef WEFT_LINUX_H
#define WEFT_LINUX_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <weft/weft.h>
#include <weft/completion.h>
#include <weft/katomic.h>
#include <weft/kcontext.h>
#include <weft/klock.h>
#include <weft/kmem.h>
#include <weft/kthread.h>
#include <weft/kwait.h>
#include <weft/ktime.h>
#include <weft/rcu.h>
#include <weft/refcount.h>
#include <weft/workqueue.h>

/* "&priv->lock" names the lock "priv->lock" (a pointer into the literal,
 * so the name lives as long as the program). */
#define WEFT_LX_NAME(s) ((s) + ((s)[0] == '&'))

/* ---- basic types and annotations --------------------------------------- */

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned int gfp_t;

#define __rcu
#define __user
#define __iomem
#define __force
#define __init
#define __exit
#define __must_check
#define __maybe_unused __attribute__((unused))
#define __always_unused __attribute__((unused))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define EXPORT_SYMBOL(x)
#define EXPORT_SYMBOL_GPL(x)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BIT(n) (1UL << (n))
#define BITS_PER_LONG ((int)(8 * sizeof(long)))
#define BITS_TO_LONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define min_t(t, a, b) min((t)(a), (t)(b))
#define max_t(t, a, b) max((t)(a), (t)(b))

#define container_of(ptr, type, member)                                       \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))

/* printk and friends evaluate their arguments and print nothing: output
 * from thousands of executions would drown the report. */
static inline int weft_lx_printk(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}
#define printk weft_lx_printk
#define pr_info weft_lx_printk
#define pr_err weft_lx_printk
#define pr_warn weft_lx_printk
#define pr_debug weft_lx_printk
#define pr_notice weft_lx_printk

/* ---- errors in pointers ------------------------------------------------- */

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return IS_ERR_VALUE(ptr); }
static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR_VALUE(ptr);
}
static inline void *ERR_CAST(const void *ptr) { return (void *)ptr; }
static inline int PTR_ERR_OR_ZERO(const void *ptr)
{
	return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0;
}

/* ---- warnings and context ----------------------------------------------- */

#define WARN_ON(c)                                                            \
	(__extension__({                                                      \
		int weft_w_ = !!(c);                                          \
		if (weft_w_)                                                  \
			weft_kwarn("WARN_ON", #c, WEFT_HERE);                 \
		weft_w_;                                                      \
	}))
#define WARN_ON_ONCE(c)                                                       \
	(__extension__({                                                      \
		int weft_w_ = !!(c);                                          \
		if (weft_w_)                                                  \
			weft_kwarn("WARN_ON_ONCE", #c, WEFT_HERE);            \
		weft_w_;                                                      \
	}))
#define WARN(c, ...)                                                          \
	(__extension__({                                                      \
		int weft_w_ = !!(c);                                          \
		if (weft_w_)                                                  \
			weft_kwarn("WARN", #c, WEFT_HERE);                    \
		weft_w_;                                                      \
	}))
#define BUG_ON(c)                                                             \
	do {                                                                  \
		if (c)                                                        \
			weft_kwarn("BUG_ON", #c, WEFT_HERE);                  \
	} while (0)
#define BUG() weft_kwarn("BUG", "", WEFT_HERE)
#define might_sleep() weft_might_sleep("might_sleep", NULL, WEFT_HERE)
#define in_atomic() weft_in_atomic()
#define cond_resched()                                                        \
	(weft_might_sleep("cond_resched", NULL, WEFT_HERE),                   \
	 weft_kbarrier("cond_resched", WEFT_HERE), 0)
#define cpu_relax() weft_yield_at(WEFT_HERE)

/* ---- spinlocks, mutexes, rw_semaphores, rtnl ---------------------------- */

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
#define mutex_destroy(m)                                                      \
	do {                                                                  \
		if ((m)->owner)                                               \
			weft_report("misuse", WEFT_HERE,                      \
				    "mutex_destroy on a locked mutex");       \
	} while (0)
#define mutex_lock(m) weft_klock_lock((m), WEFT_HERE)
#define mutex_lock_nested(m, sub) weft_klock_lock((m), WEFT_HERE)
#define mutex_lock_interruptible(m) (weft_klock_lock((m), WEFT_HERE), 0)
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

/* ---- completions --------------------------------------------------------- */

#define completion weft_completion
#define DECLARE_COMPLETION(x) struct weft_completion x = WEFT_COMPLETION_INIT(#x)
#define DECLARE_COMPLETION_ONSTACK(x) DECLARE_COMPLETION(x)
#define init_completion(c)                                                    \
	weft_completion_init((c), WEFT_LX_NAME(#c), WEFT_HERE)
#define reinit_completion(c) weft_completion_reinit((c), WEFT_HERE)
#define complete(c) weft_complete((c), 0, WEFT_HERE)
#define complete_all(c) weft_complete((c), 1, WEFT_HERE)
#define wait_for_completion(c) weft_wait_for_completion((c), WEFT_HERE)
#define wait_for_completion_interruptible(c)                                  \
	(weft_wait_for_completion((c), WEFT_HERE), 0)
#define wait_for_completion_killable(c)                                       \
	(weft_wait_for_completion((c), WEFT_HERE), 0)
#define wait_for_completion_timeout(c, t)                                     \
	weft_wait_for_completion_timeout((c), (t), WEFT_HERE)
#define wait_for_completion_interruptible_timeout(c, t)                       \
	((long)weft_wait_for_completion_timeout((c), (t), WEFT_HERE))
#define try_wait_for_completion(c)                                            \
	(weft_try_wait_for_completion((c), WEFT_HERE))
#define completion_done(c) (weft_completion_done((c), WEFT_HERE))

/* ---- wait queues ----------------------------------------------------------- */

/* wait_event(wq, cond) sleeps until cond holds, re-evaluating it after
 * every wake-up of wq; a wake-up before the wait began is lost, so the
 * condition must be set before wake_up is called.  Every waiter is
 * non-exclusive, so wake_up and wake_up_all wake them all.  The
 * _interruptible and _killable forms are modelled as uninterruptible:
 * weft sends no signals, so they always return 0 (or, with a timeout,
 * what wait_event_timeout returns).  The timeout is an event on the
 * virtual clock, so whether it expires before the wake-up is explored. */
typedef struct weft_waitq wait_queue_head_t;
#define wait_queue_head weft_waitq
#define __WAIT_QUEUE_HEAD_INITIALIZER(name) WEFT_WAITQ_INIT(#name)
#define DECLARE_WAIT_QUEUE_HEAD(name)                                         \
	wait_queue_head_t name = WEFT_WAITQ_INIT(#name)
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name) DECLARE_WAIT_QUEUE_HEAD(name)
#define init_waitqueue_head(q)                                                \
	weft_waitq_init((q), WEFT_LX_NAME(#q), WEFT_HERE)

/* condstr is the condition as written (stringified by the outer macro,
 * before its marked accesses expand), for deadlock reports. */
#define WEFT_LX_WAIT(wq, cond, condstr, timeout, what)                        \
	(__extension__({                                                      \
		struct weft_waiter weft_ww_;                                  \
		weft_wait_begin(&(wq), &weft_ww_, (timeout), (what), condstr, \
				WEFT_HERE);                                   \
		while (!weft_wait_cond(&weft_ww_, !!(cond)))                  \
			;                                                     \
		weft_wait_end(&weft_ww_);                                     \
	}))
/* A timeout of MAX_SCHEDULE_TIMEOUT waits for ever, as in the kernel. */
#define WEFT_LX_WAIT_TIMEOUT(t)                                               \
	(__extension__({                                                      \
		long weft_t_ = (long)(t);                                     \
		weft_t_ == LONG_MAX ? -1L : weft_t_ < 0 ? 0L : weft_t_;       \
	}))
#define wait_event(wq, cond)                                                  \
	((void)WEFT_LX_WAIT(wq, cond, #cond, -1, "wait_event"))
#define wait_event_timeout(wq, cond, t)                                       \
	WEFT_LX_WAIT(wq, cond, #cond, WEFT_LX_WAIT_TIMEOUT(t),                \
		     "wait_event_timeout")
#define wait_event_interruptible(wq, cond)                                    \
	((int)WEFT_LX_WAIT(wq, cond, #cond, -1, "wait_event_interruptible"))
#define wait_event_killable(wq, cond)                                         \
	((int)WEFT_LX_WAIT(wq, cond, #cond, -1, "wait_event_killable"))
#define wait_event_interruptible_timeout(wq, cond, t)                         \
	WEFT_LX_WAIT(wq, cond, #cond, WEFT_LX_WAIT_TIMEOUT(t),                \
		     "wait_event_interruptible_timeout")
#define wake_up(q) weft_waitq_wake((q), "wake_up", WEFT_HERE)
#define wake_up_all(q) weft_waitq_wake((q), "wake_up_all", WEFT_HERE)
#define wake_up_interruptible(q)                                              \
	weft_waitq_wake((q), "wake_up_interruptible", WEFT_HERE)
#define wake_up_interruptible_all(q)                                          \
	weft_waitq_wake((q), "wake_up_interruptible_all", WEFT_HERE)

/* ---- time and timers ----------------------------------------------------- */

#define HZ WEFT_HZ
#define INITIAL_JIFFIES WEFT_INITIAL_JIFFIES
#define MAX_SCHEDULE_TIMEOUT LONG_MAX
#define jiffies (weft_jiffies_at(WEFT_HERE))
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return ((unsigned long)m * HZ + 999) / 1000;
}
static inline unsigned long usecs_to_jiffies(unsigned int u)
{
	return ((unsigned long)u * HZ + 999999) / 1000000;
}
static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * 1000 / HZ);
}
/* msleep sleeps at least one tick, like the kernel's. */
static inline unsigned long weft_lx_ticks(unsigned long t)
{
	return t ? t : 1;
}
#define msleep(ms)                                                            \
	((void)weft_ksleep(weft_lx_ticks(msecs_to_jiffies(ms)), "msleep",     \
			   WEFT_HERE))
#define msleep_interruptible(ms)                                              \
	((unsigned long)weft_ksleep(weft_lx_ticks(msecs_to_jiffies(ms)),      \
				    "msleep_interruptible", WEFT_HERE))
#define ssleep(s) msleep((s) * 1000)
#define usleep_range(lo, hi)                                                  \
	((void)(hi), (void)weft_ksleep(weft_lx_ticks(usecs_to_jiffies(lo)),   \
				       "usleep_range", WEFT_HERE))
#define schedule_timeout(t) weft_ksleep((t), "schedule_timeout", WEFT_HERE)
#define schedule_timeout_interruptible(t)                                     \
	weft_ksleep((t), "schedule_timeout_interruptible", WEFT_HERE)
#define schedule_timeout_uninterruptible(t)                                   \
	weft_ksleep((t), "schedule_timeout_uninterruptible", WEFT_HERE)
#define schedule_timeout_killable(t)                                          \
	weft_ksleep((t), "schedule_timeout_killable", WEFT_HERE)
#define TASK_RUNNING 0
#define TASK_INTERRUPTIBLE 1
#define TASK_UNINTERRUPTIBLE 2
#define set_current_state(s) ((void)(s))
#define __set_current_state(s) ((void)(s))
#define udelay(n) weft_kbarrier("udelay", WEFT_HERE)
#define ndelay(n) weft_kbarrier("ndelay", WEFT_HERE)
#define mdelay(n) weft_kbarrier("mdelay", WEFT_HERE)

#define timer_list weft_timer
#define DEFINE_TIMER(n, f) struct weft_timer n = { .fn = (f), .name = #f }
#define timer_setup(t, f, flags)                                              \
	weft_timer_init((t), (f), (flags), #f, WEFT_HERE)
#define from_timer(var, t, field) container_of((t), __typeof__(*(var)), field)
#define timer_container_of(var, t, field) from_timer(var, t, field)
#define mod_timer(t, e) weft_timer_mod((t), (e), WEFT_HERE)
#define add_timer(t) ((void)weft_timer_mod((t), (t)->expires, WEFT_HERE))
#define del_timer(t) weft_timer_del((t), 0, WEFT_HERE)
#define del_timer_sync(t) weft_timer_del((t), 1, WEFT_HERE)
#define timer_delete(t) weft_timer_del((t), 0, WEFT_HERE)
#define timer_delete_sync(t) weft_timer_del((t), 1, WEFT_HERE)
#define timer_shutdown_sync(t) weft_timer_del((t), 1, WEFT_HERE)
#define timer_pending(t) (weft_timer_pending((t), WEFT_HERE))

/* ---- workqueues ----------------------------------------------------------- */

#define work_struct weft_work
#define delayed_work weft_dwork
#define workqueue_struct weft_wq
typedef void (*work_func_t)(struct weft_work *);

#define WQ_UNBOUND (1u << 1)
#define WQ_FREEZABLE (1u << 2)
#define WQ_MEM_RECLAIM (1u << 3)
#define WQ_HIGHPRI (1u << 4)
#define WQ_CPU_INTENSIVE (1u << 5)
#define WQ_SYSFS (1u << 6)
#define WQ_POWER_EFFICIENT (1u << 7)
#define __WQ_ORDERED (1u << 17)
#define WQ_MAX_ACTIVE 512

#define system_wq (&weft_system_wq)
#define system_unbound_wq (&weft_system_unbound_wq)
#define system_long_wq (&weft_system_long_wq)
#define system_highpri_wq (&weft_system_highpri_wq)
#define system_power_efficient_wq (&weft_system_wq)

/* The name is the format string itself (it is a literal, so it can name
 * the queue's lock-order class for the whole run); extra arguments are
 * evaluated and ignored. */
#define alloc_workqueue(fmt, flags, max_active, ...)                          \
	weft_wq_alloc((fmt), (flags), (max_active),                           \
		      ((flags) & __WQ_ORDERED) != 0, WEFT_HERE)
#define alloc_ordered_workqueue(fmt, flags, ...)                              \
	weft_wq_alloc((fmt), (flags) | __WQ_ORDERED, 1, 1, WEFT_HERE)
#define create_singlethread_workqueue(name)                                   \
	alloc_ordered_workqueue((name), WQ_MEM_RECLAIM)
#define create_workqueue(name) alloc_workqueue((name), WQ_MEM_RECLAIM, 1)
#define destroy_workqueue(wq) weft_wq_destroy((wq), WEFT_HERE)
#define flush_workqueue(wq) weft_wq_flush((wq), WEFT_HERE)
#define drain_workqueue(wq) weft_wq_drain((wq), WEFT_HERE)
#define flush_scheduled_work() weft_wq_flush(system_wq, WEFT_HERE)

#define DECLARE_WORK(n, f) struct weft_work n = WEFT_WORK_INIT(f, #f)
#define DECLARE_DELAYED_WORK(n, f) struct weft_dwork n = WEFT_DWORK_INIT(f, #f)
#define INIT_WORK(w, f) weft_work_init((w), (f), #f, WEFT_HERE)
#define INIT_DELAYED_WORK(d, f) weft_dwork_init((d), (f), #f, WEFT_HERE)
#define to_delayed_work(w) container_of((w), struct weft_dwork, work)

#define queue_work(wq, w) (weft_work_queue((wq), (w), WEFT_HERE))
#define queue_work_on(cpu, wq, w)                                             \
	((void)(cpu), weft_work_queue((wq), (w), WEFT_HERE))
#define schedule_work(w) (weft_work_queue(system_wq, (w), WEFT_HERE))
#define flush_work(w) (weft_work_flush((w), WEFT_HERE))
#define cancel_work(w) (weft_work_cancel((w), 0, WEFT_HERE))
#define cancel_work_sync(w) (weft_work_cancel((w), 1, WEFT_HERE))
#define work_pending(w) (weft_work_pending((w), WEFT_HERE))

#define queue_delayed_work(wq, d, delay)                                      \
	(weft_dwork_queue((wq), (d), (delay), 0, WEFT_HERE))
#define queue_delayed_work_on(cpu, wq, d, delay)                              \
	((void)(cpu), weft_dwork_queue((wq), (d), (delay), 0, WEFT_HERE))
#define mod_delayed_work(wq, d, delay)                                        \
	(weft_dwork_queue((wq), (d), (delay), 1, WEFT_HERE))
#define schedule_delayed_work(d, delay)                                       \
	(weft_dwork_queue(system_wq, (d), (delay), 0, WEFT_HERE))
#define cancel_delayed_work(d) (weft_work_cancel(&(d)->work, 0, WEFT_HERE))
#define cancel_delayed_work_sync(d)                                           \
	(weft_work_cancel(&(d)->work, 1, WEFT_HERE))
#define flush_delayed_work(d) (weft_dwork_flush((d), WEFT_HERE))
#define delayed_work_pending(d) work_pending(&(d)->work)

/* ---- memory --------------------------------------------------------------- */

#define GFP_KERNEL WEFT_GFP_KERNEL
#define GFP_NOFS WEFT_GFP_KERNEL
#define GFP_NOIO WEFT_GFP_KERNEL
#define GFP_ATOMIC WEFT_GFP_ATOMIC
#define GFP_NOWAIT WEFT_GFP_ATOMIC
#define __GFP_ZERO WEFT_GFP_ZERO

#define kmalloc(n, gfp) weft_kmalloc((n), (gfp), "kmalloc", WEFT_HERE)
#define kzalloc(n, gfp)                                                       \
	weft_kmalloc((n), (gfp) | WEFT_GFP_ZERO, "kzalloc", WEFT_HERE)
#define kcalloc(n, size, gfp)                                                 \
	weft_kmalloc((n) * (size), (gfp) | WEFT_GFP_ZERO, "kcalloc", WEFT_HERE)
#define kmalloc_array(n, size, gfp)                                           \
	weft_kmalloc((n) * (size), (gfp), "kmalloc_array", WEFT_HERE)
#define kvmalloc(n, gfp) weft_kmalloc((n), (gfp), "kvmalloc", WEFT_HERE)
#define kvzalloc(n, gfp)                                                      \
	weft_kmalloc((n), (gfp) | WEFT_GFP_ZERO, "kvzalloc", WEFT_HERE)
#define vmalloc(n) weft_kmalloc((n), WEFT_GFP_KERNEL, "vmalloc", WEFT_HERE)
#define vzalloc(n)                                                            \
	weft_kmalloc((n), WEFT_GFP_KERNEL | WEFT_GFP_ZERO, "vzalloc", WEFT_HERE)
#define kfree(p) weft_kfree((p), "kfree", WEFT_HERE)
#define kvfree(p) weft_kfree((p), "kvfree", WEFT_HERE)
#define vfree(p) weft_kfree((p), "vfree", WEFT_HERE)
#define kfree_sensitive(p) weft_kfree((p), "kfree_sensitive", WEFT_HERE)
#define kmemdup(src, n, gfp)                                                  \
	(__extension__({                                                      \
		size_t weft_n_ = (n);                                         \
		void *weft_d_ = weft_kmalloc(weft_n_, (gfp), "kmemdup",       \
					     WEFT_HERE);                      \
		memcpy(weft_d_, (src), weft_n_);                              \
		weft_d_;                                                      \
	}))

/* ---- reference counts ------------------------------------------------------ */

typedef struct weft_refcount refcount_t;
#define kref weft_kref
#define REFCOUNT_INIT(n) WEFT_REFCOUNT_INIT(n)
#define KREF_INIT(n) { WEFT_REFCOUNT_INIT(n) }
#define refcount_set(r, n) weft_refcount_set((r), (n), WEFT_HERE)
#define refcount_read(r) ((unsigned int)weft_refcount_read((r), WEFT_HERE))
#define refcount_inc(r)                                                       \
	((void)weft_refcount_add((r), 1, 0, 0, "refcount_inc", WEFT_HERE))
#define refcount_add(n, r)                                                    \
	((void)weft_refcount_add((r), (n), 0, 0, "refcount_add", WEFT_HERE))
#define refcount_inc_not_zero(r)                                              \
	(weft_refcount_add((r), 1, 1, 0, "refcount_inc_not_zero",       \
				 WEFT_HERE))
#define refcount_dec(r)                                                       \
	((void)weft_refcount_add((r), -1, 0, 0, "refcount_dec", WEFT_HERE))
#define refcount_dec_and_test(r)                                              \
	(weft_refcount_add((r), -1, 0, 1, "refcount_dec_and_test",      \
				 WEFT_HERE))
#define refcount_sub_and_test(n, r)                                           \
	(weft_refcount_add((r), -(n), 0, 1, "refcount_sub_and_test",    \
				 WEFT_HERE))
#define kref_init(k) weft_kref_init((k), WEFT_HERE)
#define kref_read(k) refcount_read(&(k)->refcount)
#define kref_get(k)                                                           \
	((void)weft_refcount_add(&(k)->refcount, 1, 0, 0, "kref_get", WEFT_HERE))
#define kref_get_unless_zero(k)                                               \
	(weft_refcount_add(&(k)->refcount, 1, 1, 0,                     \
				 "kref_get_unless_zero", WEFT_HERE))
#define kref_put(k, release) weft_kref_put((k), (release), WEFT_HERE)
/* The lock is taken before the count drops, so release() runs with it
 * held (and must drop it), as in the kernel when the count hits zero. */
#define kref_put_mutex(k, release, m)                                         \
	(__extension__({                                                      \
		int weft_r_;                                                  \
		weft_klock_lock((m), WEFT_HERE);                              \
		weft_r_ = weft_refcount_add(&(k)->refcount, -1, 0, 1,         \
					    "kref_put_mutex", WEFT_HERE);     \
		if (weft_r_)                                                  \
			(release)(k);                                         \
		else                                                          \
			weft_klock_unlock((m), WEFT_HERE);                    \
		weft_r_;                                                      \
	}))
#define kref_put_lock(k, release, l) kref_put_mutex(k, release, l)

/* ---- atomics, bit operations, marked accesses, barriers ------------------- */

typedef weft_katomic_t atomic_t;
typedef weft_katomic_long_t atomic_long_t;
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }

#define WEFT_LX_KA(v, op, a, b, nm)                                           \
	weft_katomic_op(&(v)->counter, sizeof((v)->counter), (op), (long)(a), \
			(long)(b), (nm), WEFT_HERE)
#define atomic_read(v) ((int)WEFT_LX_KA(v, WEFT_KA_READ, 0, 0, "atomic_read"))
#define atomic_set(v, i) ((void)WEFT_LX_KA(v, WEFT_KA_SET, i, 0, "atomic_set"))
#define atomic_add(i, v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_add"))
#define atomic_sub(i, v)                                                      \
	((void)WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_sub"))
#define atomic_inc(v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_inc"))
#define atomic_dec(v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_dec"))
#define atomic_add_return(i, v)                                               \
	((int)(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_add_return") + (i)))
#define atomic_sub_return(i, v)                                               \
	((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_sub_return") - \
	       (i)))
#define atomic_inc_return(v)                                                  \
	((int)(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_inc_return") + 1))
#define atomic_dec_return(v)                                                  \
	((int)(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_dec_return") - 1))
#define atomic_fetch_add(i, v)                                                \
	((int)WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_fetch_add"))
#define atomic_fetch_inc(v) ((int)WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_fetch_inc"))
#define atomic_dec_and_test(v)                                                \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_dec_and_test") == 1)
#define atomic_inc_and_test(v)                                                \
	(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_inc_and_test") == -1)
#define atomic_sub_and_test(i, v)                                             \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_sub_and_test") == (i))
#define atomic_xchg(v, n) ((int)WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_xchg"))
#define atomic_cmpxchg(v, o, n)                                               \
	((int)WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic_cmpxchg"))
#define atomic_add_unless(v, a, u)                                            \
	(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, a, u, "atomic_add_unless") != (u))
#define atomic_inc_not_zero(v)                                                \
	(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, 1, 0, "atomic_inc_not_zero") != 0)
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
	(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic_long_inc_return") + 1)
#define atomic_long_dec_and_test(v)                                           \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_dec_and_test") == 1)

#define WEFT_LX_KB(nr, a, op, nm)                                             \
	weft_kbit_op((unsigned long *)(a), (long)(nr), (op), (nm), WEFT_HERE)
#define set_bit(nr, a) ((void)WEFT_LX_KB(nr, a, WEFT_KB_SET, "set_bit"))
#define clear_bit(nr, a) ((void)WEFT_LX_KB(nr, a, WEFT_KB_CLEAR, "clear_bit"))
#define change_bit(nr, a) ((void)WEFT_LX_KB(nr, a, WEFT_KB_CHANGE, "change_bit"))
#define __set_bit(nr, a) ((void)WEFT_LX_KB(nr, a, WEFT_KB_SET, "__set_bit"))
#define __clear_bit(nr, a) ((void)WEFT_LX_KB(nr, a, WEFT_KB_CLEAR, "__clear_bit"))
#define test_bit(nr, a) ((bool)WEFT_LX_KB(nr, a, WEFT_KB_TEST, "test_bit"))
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
 * is an atomic, so instrumented builds never call them races.  It is
 * sequentially consistent for the race detector's happens-before, which is
 * stronger than the kernel memory model gives READ_ONCE/WRITE_ONCE: a race
 * that only the missing barriers would allow is not reported (never a
 * false report). */
#define READ_ONCE(x)                                                          \
	(__extension__({                                                      \
		__typeof__(x) *weft_p_ = &(x);                                \
		weft_kaccess(weft_p_, sizeof *weft_p_, 0, "READ_ONCE",        \
			     WEFT_HERE);                                      \
		__atomic_load_n(weft_p_, __ATOMIC_SEQ_CST);                   \
	}))
#define WRITE_ONCE(x, val)                                                    \
	do {                                                                  \
		__typeof__(x) *weft_p_ = &(x);                                \
		__typeof__(x) weft_v_ = (val);                                \
		weft_kaccess(weft_p_, sizeof *weft_p_, 1, "WRITE_ONCE",       \
			     WEFT_HERE);                                      \
		__atomic_store_n(weft_p_, weft_v_, __ATOMIC_SEQ_CST);         \
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

/* ---- lists ------------------------------------------------------------------ */

struct list_head {
	struct list_head *next, *prev;
};
struct hlist_head {
	struct hlist_node *first;
};
struct hlist_node {
	struct hlist_node *next, **pprev;
};

#define LIST_POISON1 ((void *)0x100)
#define LIST_POISON2 ((void *)0x122)
#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
#define HLIST_HEAD_INIT { NULL }
#define HLIST_HEAD(name) struct hlist_head name = { NULL }
#define INIT_HLIST_HEAD(h) ((h)->first = NULL)

static inline void INIT_LIST_HEAD(struct list_head *l)
{
	l->next = l;
	l->prev = l;
}
static inline void __list_add(struct list_head *n, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}
static inline void list_add(struct list_head *n, struct list_head *head)
{
	__list_add(n, head, head->next);
}
static inline void list_add_tail(struct list_head *n, struct list_head *head)
{
	__list_add(n, head->prev, head);
}
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	prev->next = next;
}
static inline void list_del(struct list_head *e)
{
	__list_del(e->prev, e->next);
	e->next = (struct list_head *)LIST_POISON1;
	e->prev = (struct list_head *)LIST_POISON2;
}
static inline void list_del_init(struct list_head *e)
{
	__list_del(e->prev, e->next);
	INIT_LIST_HEAD(e);
}
static inline void list_move(struct list_head *e, struct list_head *head)
{
	__list_del(e->prev, e->next);
	list_add(e, head);
}
static inline void list_move_tail(struct list_head *e, struct list_head *head)
{
	__list_del(e->prev, e->next);
	list_add_tail(e, head);
}
static inline void list_replace(struct list_head *old, struct list_head *n)
{
	n->next = old->next;
	n->next->prev = n;
	n->prev = old->prev;
	n->prev->next = n;
}
static inline int list_empty(const struct list_head *head)
{
	return head->next == head;
}
static inline int list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && head->next == head->prev;
}
static inline void list_splice_init(struct list_head *list,
				    struct list_head *head)
{
	if (list_empty(list))
		return;
	list->next->prev = head;
	list->prev->next = head->next;
	head->next->prev = list->prev;
	head->next = list->next;
	INIT_LIST_HEAD(list);
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member)                           \
	(list_empty(ptr) ? NULL : list_first_entry(ptr, type, member))
#define list_next_entry(pos, member)                                          \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_for_each(pos, head)                                              \
	for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head)                                      \
	for (pos = (head)->next, n = pos->next; pos != (head);                \
	     pos = n, n = pos->next)
#define list_for_each_entry(pos, head, member)                                \
	for (pos = list_first_entry(head, __typeof__(*pos), member);          \
	     &pos->member != (head); pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member)                        \
	for (pos = list_first_entry(head, __typeof__(*pos), member),          \
	    n = list_next_entry(pos, member);                                 \
	     &pos->member != (head); pos = n, n = list_next_entry(n, member))

#define hlist_entry(ptr, type, member) container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member)                                   \
	(__extension__({                                                      \
		__typeof__(ptr) weft_h_ = (ptr);                              \
		weft_h_ ? hlist_entry(weft_h_, type, member) : NULL;          \
	}))
static inline void INIT_HLIST_NODE(struct hlist_node *n)
{
	n->next = NULL;
	n->pprev = NULL;
}
static inline int hlist_unhashed(const struct hlist_node *n)
{
	return !n->pprev;
}
static inline int hlist_empty(const struct hlist_head *h)
{
	return !h->first;
}
static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	n->next = first;
	if (first)
		first->pprev = &n->next;
	h->first = n;
	n->pprev = &h->first;
}
static inline void __hlist_del(struct hlist_node *n)
{
	struct hlist_node *next = n->next, **pprev = n->pprev;

	*pprev = next;
	if (next)
		next->pprev = pprev;
}
static inline void hlist_del(struct hlist_node *n)
{
	__hlist_del(n);
	n->next = (struct hlist_node *)LIST_POISON1;
	n->pprev = (struct hlist_node **)LIST_POISON2;
}
static inline void hlist_del_init(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		__hlist_del(n);
		INIT_HLIST_NODE(n);
	}
}
#define hlist_for_each_entry(pos, head, member)                               \
	for (pos = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); \
	     pos; pos = hlist_entry_safe((pos)->member.next,                  \
					 __typeof__(*(pos)), member))
#define hlist_for_each_entry_safe(pos, n, head, member)                       \
	for (pos = hlist_entry_safe((head)->first, __typeof__(*pos), member); \
	     pos && ({ n = pos->member.next; 1; });                           \
	     pos = hlist_entry_safe(n, __typeof__(*pos), member))

/* ---- RCU -------------------------------------------------------------------- */

#define rcu_head weft_rcu_head
#define callback_head weft_rcu_head
#define rcu_read_lock() weft_rcu_read_lock(WEFT_HERE)
#define rcu_read_unlock() weft_rcu_read_unlock(WEFT_HERE)
#define rcu_read_lock_bh() weft_rcu_read_lock(WEFT_HERE)
#define rcu_read_unlock_bh() weft_rcu_read_unlock(WEFT_HERE)
#define rcu_read_lock_sched() weft_rcu_read_lock(WEFT_HERE)
#define rcu_read_unlock_sched() weft_rcu_read_unlock(WEFT_HERE)
#define rcu_read_lock_held() weft_rcu_read_held()
#define synchronize_rcu() weft_synchronize_rcu(WEFT_HERE)
#define synchronize_net() weft_synchronize_rcu(WEFT_HERE)
#define call_rcu(h, f) weft_call_rcu((h), (f), #f, WEFT_HERE)
#define rcu_barrier() weft_rcu_barrier(WEFT_HERE)
#define kfree_rcu(p, field)                                                   \
	do {                                                                  \
		__typeof__(p) weft_k_ = (p);                                  \
		if (weft_k_)                                                  \
			weft_kfree_rcu(weft_k_, &weft_k_->field, WEFT_HERE);  \
	} while (0)

#define WEFT_LX_RCU_LOAD(p, mode)                                             \
	((__typeof__(p))weft_rcu_load((void *const *)&(p), (mode), WEFT_HERE))
#define rcu_dereference(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_DEREF)
#define rcu_dereference_bh(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_DEREF)
#define rcu_dereference_sched(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_DEREF)
#define rcu_dereference_raw(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_PROTECTED)
#define rcu_dereference_check(p, c)                                           \
	WEFT_LX_RCU_LOAD(p, (c) ? WEFT_RCU_PROTECTED : WEFT_RCU_DEREF)
#define rcu_dereference_protected(p, c)                                       \
	(__extension__({                                                      \
		if (!(c))                                                     \
			weft_kwarn("rcu_dereference_protected", #c,           \
				   WEFT_HERE);                                \
		WEFT_LX_RCU_LOAD(p, WEFT_RCU_PROTECTED);                      \
	}))
#define rcu_access_pointer(p) WEFT_LX_RCU_LOAD(p, WEFT_RCU_ACCESS)
#define rcu_assign_pointer(p, v)                                              \
	weft_rcu_store((void **)&(p), (void *)(v), WEFT_HERE)
#define RCU_INIT_POINTER(p, v) rcu_assign_pointer(p, v)
#define rcu_replace_pointer(p, v, c)                                          \
	(__extension__({                                                      \
		__typeof__(p) weft_o_ = rcu_dereference_protected(p, c);      \
		rcu_assign_pointer(p, v);                                     \
		weft_o_;                                                      \
	}))

/* RCU lists: the publishing store and the readers' loads of next pointers
 * are the scheduling points; everything else is as in the plain lists. */
#define list_next_rcu(l) (*((struct list_head __rcu **)(&(l)->next)))
static inline void weft_lx_list_add_rcu(struct list_head *n,
					struct list_head *prev,
					struct list_head *next,
					const struct weft_loc *loc)
{
	n->next = next;
	n->prev = prev;
	weft_rcu_store((void **)&prev->next, n, loc);
	next->prev = n;
}
#define list_add_rcu(n, head)                                                 \
	weft_lx_list_add_rcu((n), (head), (head)->next, WEFT_HERE)
#define list_add_tail_rcu(n, head)                                            \
	weft_lx_list_add_rcu((n), (head)->prev, (head), WEFT_HERE)
static inline void weft_lx_list_del_rcu(struct list_head *e,
					const struct weft_loc *loc)
{
	e->next->prev = e->prev;
	weft_rcu_store((void **)&e->prev->next, e->next, loc);
	e->prev = (struct list_head *)LIST_POISON2;
}
#define list_del_rcu(e) weft_lx_list_del_rcu((e), WEFT_HERE)
static inline void weft_lx_list_replace_rcu(struct list_head *old,
					    struct list_head *n,
					    const struct weft_loc *loc)
{
	n->next = old->next;
	n->prev = old->prev;
	weft_rcu_store((void **)&n->prev->next, n, loc);
	n->next->prev = n;
	old->prev = (struct list_head *)LIST_POISON2;
}
#define list_replace_rcu(old, n) weft_lx_list_replace_rcu((old), (n), WEFT_HERE)
#define list_entry_rcu(ptr, type, member)                                     \
	container_of(WEFT_LX_RCU_LOAD(ptr, WEFT_RCU_DEREF), type, member)
#define list_first_or_null_rcu(head, type, member)                            \
	(__extension__({                                                      \
		struct list_head *weft_h_ = (head);                           \
		struct list_head *weft_n_ =                                   \
			WEFT_LX_RCU_LOAD(weft_h_->next, WEFT_RCU_DEREF);      \
		weft_n_ != weft_h_ ? list_entry(weft_n_, type, member) : NULL; \
	}))
#define list_for_each_entry_rcu(pos, head, member, ...)                       \
	for (pos = list_entry_rcu((head)->next, __typeof__(*pos), member);    \
	     &pos->member != (head);                                          \
	     pos = list_entry_rcu(pos->member.next, __typeof__(*pos), member))

static inline void weft_lx_hlist_add_head_rcu(struct hlist_node *n,
					      struct hlist_head *h,
					      const struct weft_loc *loc)
{
	struct hlist_node *first = h->first;

	n->next = first;
	n->pprev = &h->first;
	weft_rcu_store((void **)&h->first, n, loc);
	if (first)
		first->pprev = &n->next;
}
#define hlist_add_head_rcu(n, h) weft_lx_hlist_add_head_rcu((n), (h), WEFT_HERE)
static inline void weft_lx_hlist_del_rcu(struct hlist_node *n,
					 const struct weft_loc *loc)
{
	struct hlist_node *next = n->next;

	weft_rcu_store((void **)n->pprev, next, loc);
	if (next)
		next->pprev = n->pprev;
	n->pprev = (struct hlist_node **)LIST_POISON2;
}
#define hlist_del_rcu(n) weft_lx_hlist_del_rcu((n), WEFT_HERE)
static inline void weft_lx_hlist_del_init_rcu(struct hlist_node *n,
					      const struct weft_loc *loc)
{
	if (!hlist_unhashed(n)) {
		weft_lx_hlist_del_rcu(n, loc);
		n->pprev = NULL;
	}
}
#define hlist_del_init_rcu(n) weft_lx_hlist_del_init_rcu((n), WEFT_HERE)
#define hlist_for_each_entry_rcu(pos, head, member, ...)                      \
	for (pos = hlist_entry_safe(WEFT_LX_RCU_LOAD((head)->first,           \
						     WEFT_RCU_DEREF),         \
				    __typeof__(*(pos)), member);              \
	     pos;                                                             \
	     pos = hlist_entry_safe(WEFT_LX_RCU_LOAD((pos)->member.next,      \
						     WEFT_RCU_DEREF),         \
				    __typeof__(*(pos)), member))

/* ---- kthreads --------------------------------------------------------------- */

#define task_struct weft_ktask
#define kthread_run(fn, data, namefmt, ...)                                   \
	weft_kthread_run((fn), (data), (namefmt), WEFT_HERE)
#define kthread_stop(t) weft_kthread_stop((t), WEFT_HERE)
#define kthread_should_stop() (weft_kthread_should_stop(WEFT_HERE))

/* Kernel code uses volatile as a marked access (the old ACCESS_ONCE, a
 * field read without its lock on purpose): with the kernel models,
 * volatile accesses are relaxed atomics for the race detector. */
__attribute__((constructor)) static void weft_kernel_volatile_(void)
{
	weft_volatile_marked(1);
}

#endif
