/* linux/weft/wait.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  The wait-queue spellings beyond
 * <weft/linux.h>, mapped onto its wait_event and wake_up, and the
 * open-coded waits (prepare_to_wait, schedule, finish_wait). */
#ifndef WEFT_KERNEL_LINUX_WEFT_WAIT_H
#define WEFT_KERNEL_LINUX_WEFT_WAIT_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define wait_event_freezable(wq, cond) wait_event_interruptible(wq, cond)
#define wait_event_idle(wq, cond) wait_event(wq, cond)
/* (An I/O wait differs only in the scheduler's accounting.) */
#define io_wait_event(wq, cond) wait_event(wq, cond)
#define wait_event_idle_timeout(wq, cond, t) wait_event_timeout(wq, cond, t)
#define wait_event_killable_timeout(wq, cond, t)                              \
	wait_event_interruptible_timeout(wq, cond, t)
/* As the kernel's: each wakes every non-exclusive waiter and one
 * exclusive waiter (nr of them for wake_up_nr, 0 meaning all). */
#define wake_up_nr(q, nr) weft_waitq_wake_nr((q), (nr), "wake_up_nr",         \
			     WEFT_WAKE_HERE("wake_up_nr", #q))
#define wake_up_poll(q, m) weft_waitq_wake_nr((q), 1, "wake_up_poll",         \
			     WEFT_WAKE_HERE("wake_up_poll", #q))
#define wake_up_interruptible_poll(q, m)                                      \
	weft_waitq_wake_mode((q), 1, WEFT_WAKE_INTERRUPTIBLE,                 \
			     "wake_up_interruptible_poll",                    \
			     WEFT_WAKE_HERE("wake_up_interruptible_poll", #q))
#define wake_up_interruptible_sync(q)                                         \
	weft_waitq_wake_mode((q), 1, WEFT_WAKE_INTERRUPTIBLE,                 \
			     "wake_up_interruptible_sync",                    \
			     WEFT_WAKE_HERE("wake_up_interruptible_sync", #q))
#define wake_up_interruptible_nr(q, nr)                                       \
	weft_waitq_wake_mode((q), (nr), WEFT_WAKE_INTERRUPTIBLE,              \
			     "wake_up_interruptible_nr",                      \
			     WEFT_WAKE_HERE("wake_up_interruptible_nr", #q))
#define wake_up_locked(q) weft_waitq_wake_nr((q), 1, "wake_up_locked",        \
			     WEFT_WAKE_HERE("wake_up_locked", #q))
#define wake_up_all_locked(q) wake_up_all(q)
/* Open-coded waits (src/linux/waitq_open.c): prepare_to_wait sets the
 * task's state with its entry on the queue, schedule() sleeps while the
 * state is not TASK_RUNNING, a wake_up sets it running (and takes a
 * DEFINE_WAIT entry off), finish_wait ends the wait.  A condition checked
 * before the prepare loses the wake-up between, as in the kernel.  The
 * task of DECLARE_WAITQUEUE is the caller's (current). */
#define wait_queue_entry weft_owait
typedef struct weft_owait wait_queue_entry_t;
#define DEFINE_WAIT(name) struct weft_owait name = WEFT_OWAIT_INIT
#define init_wait(w) ((void)(*(w) = (struct weft_owait)WEFT_OWAIT_INIT))
/* The wake functions an entry may have (DEFINE_WAIT_FUNC, init_waitqueue_
 * func_entry): the kernel's three, each an entry kind of weft's; another
 * function of the program's own does not compile. */
#define WQ_FLAG_WOKEN 0x02
#define weft_kx_wake_kind_woken_wake_function 2
#define weft_kx_wake_kind_default_wake_function 1
#define weft_kx_wake_kind_autoremove_wake_function 0
#define DEFINE_WAIT_FUNC(name, fn)                                            \
	struct weft_owait name = { weft_kx_wake_kind_##fn }
#define init_waitqueue_func_entry(w, fn)                                      \
	((void)((w)->keep = weft_kx_wake_kind_##fn))
#define wait_woken(w, mode, timeout)                                          \
	weft_owait_woken((w), (mode), weft_kx_timeout(timeout), WEFT_HERE)
#define DECLARE_WAITQUEUE(name, tsk) struct weft_owait name = WEFT_OWAIT_KEEP_INIT
#define prepare_to_wait(q, w, s) weft_owait_prepare((q), (w), (s), 0, WEFT_HERE)
#define prepare_to_wait_exclusive(q, w, s)                                    \
	weft_owait_prepare((q), (w), (s), 1, WEFT_HERE)
#define prepare_to_wait_event(q, w, s)                                        \
	(weft_owait_prepare((q), (w), (s), 0, WEFT_HERE), 0L)
#define finish_wait(q, w) weft_owait_finish((q), (w), WEFT_HERE)
#define add_wait_queue(q, w) weft_owait_add((q), (w), 0, WEFT_HERE)
#define add_wait_queue_exclusive(q, w) weft_owait_add((q), (w), 1, WEFT_HERE)
#define remove_wait_queue(q, w) weft_owait_remove((q), (w), WEFT_HERE)
/* Bit and variable wait queues (<linux/wait_bit.h>): wait_event and
 * wake_up on the queue the kernel would hash the key to, so a wake-up
 * before the wait began is lost as in the kernel.  wake_up_bit after
 * clear_bit needs smp_mb__after_atomic in the kernel (its check for
 * sleepers is lockless); weft explores sequentially consistent orders
 * only and does not find that barrier missing.  TASK_INTERRUPTIBLE and
 * TASK_KILLABLE bit waits are uninterruptible here: 0. */
#define WEFT_KX_BITQ(w, b) (*weft_xbit_waitq((w), (int)(b)))
/* The mode (TASK_*) only says how a signal would end the wait. */
#define WEFT_KX_BIT_WAIT(w, b, m, cond, condstr, t, what)                     \
	(__extension__({                                                      \
		long weft_r_;                                                 \
		(void)(m);                                                    \
		weft_r_ = WEFT_LX_WAIT(WEFT_KX_BITQ(w, b), cond, condstr, t,  \
				       what);                                 \
		weft_r_;                                                      \
	}))
/* wait_on_bit_timeout: 0 once the bit is clear, -EAGAIN when the time
 * ran out first; with MAX_SCHEDULE_TIMEOUT it never runs out (the
 * untimed wait's result 0 is not a timeout). */
#define wait_on_bit(w, b, m)                                                  \
	WEFT_KX_BIT_WAIT(w, b, m, !test_bit(b, w),                            \
			 "!test_bit(" #b ", " #w ")", -1, "wait_on_bit")
#define wait_on_bit_io(w, b, m) wait_on_bit(w, b, m)
#define wait_on_bit_timeout(w, b, m, t)                                       \
	(__extension__({                                                      \
		long weft_bt_ = (long)(t);                                    \
		WEFT_KX_BIT_WAIT(w, b, m, !test_bit(b, w),                    \
				 "!test_bit(" #b ", " #w ")",                 \
				 WEFT_LX_WAIT_TIMEOUT(weft_bt_),              \
				 "wait_on_bit_timeout") ||                    \
				weft_bt_ == LONG_MAX                          \
			? 0                                                   \
			: -EAGAIN;                                            \
	}))
/* Takes the bit as a lock: waits until test_and_set_bit_lock finds it
 * clear (the condition sets it). */
#define wait_on_bit_lock(w, b, m)                                             \
	WEFT_KX_BIT_WAIT(w, b, m, !test_and_set_bit_lock(b, w),               \
			 "!test_and_set_bit_lock(" #b ", " #w ")", -1,        \
			 "wait_on_bit_lock")
#define wait_on_bit_lock_io(w, b, m) wait_on_bit_lock(w, b, m)
#define wake_up_bit(w, b)                                                     \
	weft_waitq_wake(&WEFT_KX_BITQ(w, b), "wake_up_bit", WEFT_HERE)
/* An expression of type void, as the kernel's inline function is: a
 * do-while statement refused `(void)clear_and_wake_up_bit(...)` (a probe
 * of kernel-style code). */
#define clear_and_wake_up_bit(b, w)                                           \
	((void)({                                                             \
		clear_bit_unlock(b, w);                                       \
		smp_mb__after_atomic();                                       \
		wake_up_bit(w, b);                                            \
		0;                                                            \
	}))
#define bit_waitqueue(w, b) (&WEFT_KX_BITQ(w, b))
#define __var_waitqueue(v) (&WEFT_KX_BITQ(v, -1))
#define wait_var_event(v, cond)                                               \
	((void)WEFT_LX_WAIT(WEFT_KX_BITQ(v, -1), cond, #cond, -1,             \
			    "wait_var_event"))
#define wait_var_event_killable(v, cond)                                      \
	WEFT_LX_INT(WEFT_LX_WAIT(WEFT_KX_BITQ(v, -1), cond, #cond, -1,        \
			   "wait_var_event_killable"))
#define wait_var_event_interruptible(v, cond)                                 \
	WEFT_LX_INT(WEFT_LX_WAIT(WEFT_KX_BITQ(v, -1), cond, #cond, -1,        \
			   "wait_var_event_interruptible"))
#define wait_var_event_timeout(v, cond, t)                                    \
	WEFT_LX_WAIT_TMO(WEFT_KX_BITQ(v, -1), cond, #cond, t,                 \
			 "wait_var_event_timeout")
#define wake_up_var(v)                                                        \
	weft_waitq_wake(&WEFT_KX_BITQ(v, -1), "wake_up_var", WEFT_HERE)

/* Exclusive waiters: on the queue's tail, woken one at a time (a
 * wake_up picks the first, wake_up_all every one), so a wake-up that
 * reaches one waiter where two needed it is the hang it is.  As for
 * wait_event, the interruptible and killable forms never see a signal.
 * The _locked form, which drops the queue's own lock, is not modelled. */
#define wait_event_exclusive(wq, c)                                           \
	((void)WEFT_LX_WAIT_EXCL(wq, c, #c, -1, "wait_event_exclusive"))
#define wait_event_interruptible_exclusive(wq, c)                             \
	WEFT_LX_INT(WEFT_LX_WAIT_EXCL(wq, c, #c, -1,                          \
				"wait_event_interruptible_exclusive"))
#define wait_event_killable_exclusive(wq, c)                                  \
	WEFT_LX_INT(WEFT_LX_WAIT_EXCL(wq, c, #c, -1, "wait_event_killable_exclusive"))
#define wait_event_idle_exclusive(wq, c)                                      \
	((void)WEFT_LX_WAIT_EXCL(wq, c, #c, -1, "wait_event_idle_exclusive"))
#define wait_event_idle_exclusive_timeout(wq, c, t)                           \
	WEFT_LX_WAIT_EXCL_TMO(wq, c, #c, t,                                   \
			  "wait_event_idle_exclusive_timeout")
WEFT_KX_UNMODELLED("wait_event_interruptible_exclusive_locked (a wait that "
		   "drops the queue's own lock)")
int weft_kx_wait_exclusive(void);
#define wait_event_interruptible_exclusive_locked(wq, c)                      \
	weft_kx_wait_exclusive()

/* Simple wait queues (<linux/swait.h>): every waiter is exclusive;
 * swake_up_one wakes the first, swake_up_all every one. */
#define swait_queue_head weft_waitq
#define DECLARE_SWAIT_QUEUE_HEAD(name) DECLARE_WAIT_QUEUE_HEAD(name)
#define DECLARE_SWAIT_QUEUE_HEAD_ONSTACK(name)                                \
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name)
#define init_swait_queue_head(q) init_waitqueue_head(q)
#define swait_active(q) waitqueue_active(q)
#define swq_has_sleeper(q) wq_has_sleeper(q)
#define swake_up_one(q) weft_waitq_wake_nr((q), 1, "swake_up_one",            \
			     WEFT_WAKE_HERE("swake_up_one", #q))
#define swake_up_locked(q)                                                    \
	weft_waitq_wake_nr((q), 1, "swake_up_locked",                         \
			     WEFT_WAKE_HERE("swake_up_locked", #q))
#define swake_up_all(q) weft_waitq_wake((q), "swake_up_all",                  \
			     WEFT_WAKE_HERE("swake_up_all", #q))
#define swait_event_exclusive(wq, c)                                          \
	((void)WEFT_LX_WAIT_EXCL(wq, c, #c, -1, "swait_event_exclusive"))
#define swait_event_idle_exclusive(wq, c)                                     \
	((void)WEFT_LX_WAIT_EXCL(wq, c, #c, -1, "swait_event_idle_exclusive"))
#define swait_event_interruptible_exclusive(wq, c)                            \
	WEFT_LX_INT(WEFT_LX_WAIT_EXCL(wq, c, #c, -1,                          \
				"swait_event_interruptible_exclusive"))
#define swait_event_killable_exclusive(wq, c)                                 \
	WEFT_LX_INT(WEFT_LX_WAIT_EXCL(wq, c, #c, -1,                          \
				"swait_event_killable_exclusive"))
#define swait_event_timeout_exclusive(wq, c, t)                               \
	WEFT_LX_WAIT_EXCL_TMO(wq, c, #c, t,                                   \
			  "swait_event_timeout_exclusive")
#define swait_event_idle_timeout_exclusive(wq, c, t)                          \
	WEFT_LX_WAIT_EXCL_TMO(wq, c, #c, t,                                   \
			  "swait_event_idle_timeout_exclusive")
#define swait_event_interruptible_timeout_exclusive(wq, c, t)                 \
	WEFT_LX_WAIT_EXCL_TMO(wq, c, #c, t,                                   \
			  "swait_event_interruptible_timeout_exclusive")

#endif
