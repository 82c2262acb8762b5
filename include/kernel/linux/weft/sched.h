/* linux/weft/sched.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  current, task states, schedule(),
 * schedule_timeout() and wake_up_process() over src/linux/ext_sched.c,
 * so that a wake-up that comes before set_current_state is lost as in
 * the kernel. */
#ifndef WEFT_KERNEL_LINUX_WEFT_SCHED_H
#define WEFT_KERNEL_LINUX_WEFT_SCHED_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#undef set_current_state
#undef wake_up_process
#undef __set_current_state
#undef schedule_timeout
#undef schedule_timeout_interruptible
#undef schedule_timeout_uninterruptible
#undef schedule_timeout_killable
/* As the kernel's: a killable sleep is an uninterruptible one that a
 * fatal signal may also end (wake_up, whose mask is TASK_NORMAL, wakes
 * it; 0x100 alone did not match that mask, and an open-coded killable
 * wait woken by wake_up slept on). */
#define TASK_WAKEKILL 0x100
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | 0x400)
#define TASK_FREEZABLE 0x2000
#define TASK_COMM_LEN 16
#define PF_KTHREAD 0x00200000
#define get_current() weft_kx_current()
#define current weft_kx_current()
#define task_pid_nr(t) weft_kx_pid(t)
#define task_tgid_nr(t) weft_kx_pid(t)
#define task_pid_vnr(t) weft_kx_pid(t)
#define get_task_struct(t) weft_kthread_get((t), WEFT_HERE)
#define put_task_struct(t) weft_kthread_put((t), WEFT_HERE)
/* Only kthread_stop makes a signal pending (TIF_NOTIFY_SIGNAL, Linux 6.1
 * on); no fatal one ever is. */
#define signal_pending(t) weft_kx_signal_pending((t), WEFT_HERE)
#define fatal_signal_pending(t) ((void)(t), 0)
#define signal_pending_state(s, t)                                            \
	(((s) & TASK_INTERRUPTIBLE) ? signal_pending(t) : ((void)(t), 0))
#define need_resched() 0
#define set_current_state(s) weft_kx_set_state((s), WEFT_HERE)
#define __set_current_state(s) weft_kx_set_state((s), WEFT_HERE)
#define set_special_state(s) weft_kx_set_state((s), WEFT_HERE)
#define schedule() ((void)weft_kx_schedule(-1, "schedule", WEFT_HERE))
#define io_schedule() ((void)weft_kx_schedule(-1, "io_schedule", WEFT_HERE))
/* Preemption on for the sleep, off again after it, as the kernel's. */
#define schedule_preempt_disabled()                                           \
	(preempt_enable(), schedule(), preempt_disable())
#define freezable_schedule() schedule()
#define weft_kx_timeout(t) ((long)(t) == LONG_MAX ? -1L : (long)(t) < 0 ? 0L : (long)(t))
/* schedule_timeout(MAX_SCHEDULE_TIMEOUT) is schedule() and returns its
 * argument, as the kernel's does (a fence-style loop took its 0 for a
 * timeout). */
#define weft_kx_schedule_max(t, what)                                         \
	((long)(t) == LONG_MAX                                                \
		 ? ((void)weft_kx_schedule(-1, (what), WEFT_HERE), LONG_MAX)   \
		 : weft_kx_schedule(weft_kx_timeout(t), (what), WEFT_HERE))
#define schedule_timeout(t) weft_kx_schedule_max((t), "schedule_timeout")
#define io_schedule_timeout(t) schedule_timeout(t)
#define schedule_timeout_interruptible(t)                                     \
	(set_current_state(TASK_INTERRUPTIBLE),                               \
	 weft_kx_schedule_max((t), "schedule_timeout_interruptible"))
#define schedule_timeout_uninterruptible(t)                                   \
	(set_current_state(TASK_UNINTERRUPTIBLE),                             \
	 weft_kx_schedule_max((t), "schedule_timeout_uninterruptible"))
#define schedule_timeout_killable(t)                                          \
	(set_current_state(TASK_KILLABLE),                                    \
	 weft_kx_schedule_max((t), "schedule_timeout_killable"))
#define schedule_timeout_idle(t) schedule_timeout_uninterruptible(t)
#define wake_up_process(t) weft_kx_wake_up_process((t), WEFT_HERE)
/* The kernel's msleep_interruptible: sleep until the time has passed or
 * a signal is pending (a kthread_stop's); the milliseconds left. */
#undef msleep_interruptible
#define msleep_interruptible(ms)                                              \
	(__extension__({                                                      \
		long weft_t_ = (long)msecs_to_jiffies(ms);                    \
		while (weft_t_ && !signal_pending(current))                   \
			weft_t_ = schedule_timeout_interruptible(weft_t_);    \
		(unsigned long)jiffies_to_msecs(weft_t_);                     \
	}))
#define wake_up_state(t, s) weft_kx_wake_up_state((t), (s), WEFT_HERE)
#define yield() weft_yield_at(WEFT_HERE)
/* The kernel drops the lock (the RCU read section) around the resched
 * when another CPU wants it or a reschedule is due, either of which may
 * be so at any time: here always, and the caller is told (1) that it
 * was dropped.  They were cond_resched(), a sleep in atomic context. */
#define cond_resched_lock(l)                                                  \
	(__extension__({                                                      \
		spin_unlock(l);                                               \
		cond_resched();                                               \
		spin_lock(l);                                                 \
		1;                                                            \
	}))
#define cond_resched_rcu()                                                    \
	do {                                                                  \
		rcu_read_unlock();                                            \
		cond_resched();                                               \
		rcu_read_lock();                                              \
	} while (0)

#endif
