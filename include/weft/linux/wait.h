/* weft/linux/wait.h - part of <weft/linux.h>:
 * wait queues.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_WAIT_H
#define WEFT_LINUX_WAIT_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

/* wait_event(wq, cond) sleeps until cond holds, re-evaluating it after
 * every wake-up of wq; a wake-up before the wait began is lost, so the
 * condition must be set before wake_up is called.  wake_up wakes every
 * waiter of wait_event and one of the _exclusive forms (the first on the
 * queue), wake_up_all every waiter.  The
 * _interruptible forms end with -ERESTARTSYS when a signal is pending
 * with the condition false: a kthread_stop's, or, in a thread of the
 * test's own (a user process in a system call), a user's signal, which
 * may come while it sleeps (an explored choice, once per thread and
 * execution).  The _killable forms are uninterruptible here (nothing
 * sends a fatal signal): 0, or with a timeout what wait_event_timeout
 * returns.  The timeout is an event on the
 * virtual clock, so whether it expires before the wake-up is explored. */
typedef struct weft_waitq wait_queue_head_t;
#define wait_queue_head weft_waitq
#define __WAIT_QUEUE_HEAD_INITIALIZER(name) WEFT_WAITQ_INIT(#name)
#define DECLARE_WAIT_QUEUE_HEAD(name)                                         \
	wait_queue_head_t name = WEFT_WAITQ_INIT(#name)
/* Its life ends with the function's (weft_kobj_onstack). */
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name)                                 \
	wait_queue_head_t name = WEFT_WAITQ_INIT(#name),                      \
			  *weft_onstack_##name __attribute__((                \
				  unused, cleanup(weft_kobj_scope_end))) =    \
				  weft_kobj_onstack(&name, sizeof name,       \
						    WEFT_KOBJ_WAITQ,          \
						    WEFT_HERE)
#define init_waitqueue_head(q)                                                \
	weft_waitq_init((q), WEFT_LX_NAME(#q), WEFT_HERE)

/* condstr is the condition as written (stringified by the outer macro,
 * before its marked accesses expand), for deadlock reports. */
#define WEFT_LX_WAIT_AS(begin, wq, cond, condstr, timeout, what)              \
	(__extension__({                                                      \
		struct weft_waiter weft_ww_;                                  \
		begin(&(wq), &weft_ww_, (timeout), (what), condstr,           \
		      WEFT_HERE);                                             \
		while (!weft_wait_cond(&weft_ww_, !!(cond)))                  \
			;                                                     \
		weft_wait_end(&weft_ww_);                                     \
	}))
#define WEFT_LX_WAIT(wq, cond, condstr, timeout, what)                        \
	WEFT_LX_WAIT_AS(weft_wait_begin, wq, cond, condstr, timeout, what)
#define WEFT_LX_WAIT_EXCL(wq, cond, condstr, timeout, what)                   \
	WEFT_LX_WAIT_AS(weft_wait_begin_exclusive, wq, cond, condstr,         \
			timeout, what)
/* The int result of the _interruptible and _killable forms, which kernel
 * code often ignores (`wait_event_interruptible(q, c);`): WEFT_LX_VAL. */
#define WEFT_LX_INT(e) WEFT_LX_VAL((int)(e))
/* A timeout of MAX_SCHEDULE_TIMEOUT waits for ever, as in the kernel. */
#define WEFT_LX_WAIT_TIMEOUT(t)                                               \
	(__extension__({                                                      \
		long weft_t_ = (long)(t);                                     \
		weft_t_ == LONG_MAX ? -1L : weft_t_ < 0 ? 0L : weft_t_;       \
	}))
/* The timed waits.  With MAX_SCHEDULE_TIMEOUT the wait is untimed, whose
 * result 0 means the condition holds: the kernel's time left is then MAX
 * (schedule_timeout(MAX) returns MAX), never the 0 of a timeout, which
 * `if (!wait_event_timeout(...)) return -ETIMEDOUT;` took for one.  An
 * interruptible wait's -ERESTARTSYS stays as it is. */
#define WEFT_LX_WAIT_TMO_AS(begin, wq, cond, condstr, t, what)                \
	(__extension__({                                                      \
		long weft_tmo_ = (long)(t);                                   \
		long weft_tr_ = WEFT_LX_WAIT_AS(begin, wq, cond, condstr,     \
						WEFT_LX_WAIT_TIMEOUT(weft_tmo_), \
						what);                        \
		weft_tmo_ == LONG_MAX && weft_tr_ == 0 ? LONG_MAX : weft_tr_; \
	}))
#define WEFT_LX_WAIT_TMO(wq, cond, condstr, t, what)                          \
	WEFT_LX_WAIT_TMO_AS(weft_wait_begin, wq, cond, condstr, t, what)
#define WEFT_LX_WAIT_EXCL_TMO(wq, cond, condstr, t, what)                     \
	WEFT_LX_WAIT_TMO_AS(weft_wait_begin_exclusive, wq, cond, condstr, t,  \
			    what)
#define wait_event(wq, cond)                                                  \
	((void)WEFT_LX_WAIT(wq, cond, #cond, -1, "wait_event"))
#define wait_event_timeout(wq, cond, t)                                       \
	WEFT_LX_WAIT_TMO(wq, cond, #cond, t, "wait_event_timeout")
#define wait_event_interruptible(wq, cond)                                    \
	WEFT_LX_INT(WEFT_LX_WAIT(wq, cond, #cond, -1, "wait_event_interruptible"))
#define wait_event_killable(wq, cond)                                         \
	WEFT_LX_INT(WEFT_LX_WAIT(wq, cond, #cond, -1, "wait_event_killable"))
#define wait_event_interruptible_timeout(wq, cond, t)                         \
	WEFT_LX_WAIT_TMO(wq, cond, #cond, t,                                  \
			 "wait_event_interruptible_timeout")
/* wait_event_lock_irq: the caller holds lock (spin_lock_irq); the
 * condition is checked with it held, the lock is dropped while the thread
 * sleeps and taken again before the next check, as in the kernel.  The
 * waiter is registered before the lock is dropped, so a wake-up in
 * between is not lost. */
#define WEFT_LX_WAIT_LOCKED(wq, cond, condstr, lock, what)                    \
	(__extension__({                                                      \
		struct weft_waiter weft_ww_;                                  \
		while (!(cond)) {                                             \
			weft_wait_prepare(&(wq), &weft_ww_, -1, (what),       \
					  condstr, WEFT_HERE);                \
			spin_unlock_irq(&(lock));                             \
			weft_wait_may_sleep(&weft_ww_);                       \
			(void)weft_wait_cond(&weft_ww_, 0);                   \
			weft_wait_end(&weft_ww_);                             \
			spin_lock_irq(&(lock));                               \
		}                                                             \
		0;                                                            \
	}))
#define wait_event_lock_irq(wq, cond, lock)                                   \
	((void)WEFT_LX_WAIT_LOCKED(wq, cond, #cond, lock,                     \
				   "wait_event_lock_irq"))
#define wait_event_interruptible_lock_irq(wq, cond, lock)                     \
	WEFT_LX_INT(WEFT_LX_WAIT_LOCKED(wq, cond, #cond, lock,                \
				  "wait_event_interruptible_lock_irq"))
#define waitqueue_active(q) weft_waitq_active((q), WEFT_HERE)
#define wq_has_sleeper(q) (smp_mb(), waitqueue_active(q))
#define wake_up(q) weft_waitq_wake_nr((q), 1, "wake_up",                      \
			     WEFT_WAKE_HERE("wake_up", #q))
#define wake_up_all(q) weft_waitq_wake((q), "wake_up_all",                    \
			     WEFT_WAKE_HERE("wake_up_all", #q))
/* The interruptible forms wake only the sleepers in an interruptible
 * wait: a wait_event's sleeper stays asleep, as in the kernel. */
#define wake_up_interruptible(q)                                              \
	weft_waitq_wake_mode((q), 1, WEFT_WAKE_INTERRUPTIBLE,                 \
			     "wake_up_interruptible",                         \
			     WEFT_WAKE_HERE("wake_up_interruptible", #q))
#define wake_up_interruptible_all(q)                                          \
	weft_waitq_wake_mode((q), 0, WEFT_WAKE_INTERRUPTIBLE,                 \
			     "wake_up_interruptible_all",                     \
			     WEFT_WAKE_HERE("wake_up_interruptible_all", #q))

/* rcuwait (<linux/rcuwait.h>): one task waiting for a condition, woken
 * with rcuwait_wake_up, which orders the waker's stores before the
 * waiter's check as wake_up does: a wait queue of its own.  The state
 * (TASK_INTERRUPTIBLE ...) is the _interruptible forms' case above.  The kernel keeps one waiting
 * task; a second waiter took its place and the first could sleep for
 * ever, where weft wakes one of the two (the other's sleep is a deadlock
 * either way).  rcuwait_wake_up returns whether a waiter was there. */
struct rcuwait {
	struct weft_waitq wq;
};
#define __RCUWAIT_INITIALIZER(name) { WEFT_WAITQ_INIT(#name) }
#define rcuwait_init(w) weft_waitq_init(&(w)->wq, WEFT_LX_NAME(#w), WEFT_HERE)
#define rcuwait_active(w) weft_waitq_active(&(w)->wq, WEFT_HERE)
#define rcuwait_wake_up(w)                                                    \
	(__extension__({                                                      \
		int weft_a_ = weft_waitq_active(&(w)->wq, WEFT_HERE);         \
		weft_waitq_wake_nr(&(w)->wq, 1, "rcuwait_wake_up", WEFT_HERE);\
		weft_a_;                                                      \
	}))
#define rcuwait_wait_event(w, cond, state)                                    \
	((void)(state),                                                       \
	 WEFT_LX_INT(WEFT_LX_WAIT((w)->wq, cond, #cond, -1,                   \
				  "rcuwait_wait_event")))

#endif
