/* linux/weft/wait.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  The wait-queue spellings beyond
 * <weft/linux.h>, mapped onto its wait_event and wake_up; open-coded
 * waits are an #error, because their lost wake-ups are not modelled. */
#ifndef WEFT_KERNEL_LINUX_WEFT_WAIT_H
#define WEFT_KERNEL_LINUX_WEFT_WAIT_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define wait_event_freezable(wq, cond) wait_event_interruptible(wq, cond)
#define wait_event_idle(wq, cond) wait_event(wq, cond)
#define wait_event_idle_timeout(wq, cond, t) wait_event_timeout(wq, cond, t)
#define wait_event_killable_timeout(wq, cond, t)                              \
	wait_event_interruptible_timeout(wq, cond, t)
#define wake_up_nr(q, nr) wake_up_all(q)
#define wake_up_poll(q, m) wake_up_all(q)
#define wake_up_interruptible_poll(q, m) wake_up_all(q)
#define wake_up_interruptible_sync(q) wake_up_all(q)
#define wake_up_locked(q) wake_up_all(q)
#define waitqueue_active(q) 1
#define wq_has_sleeper(q) 1
struct wait_queue_entry;
WEFT_KX_UNMODELLED("prepare_to_wait/finish_wait (open-coded waits; use "
		   "wait_event)")
void weft_kx_prepare_to_wait(void);
#define prepare_to_wait(q, w, s) weft_kx_prepare_to_wait()
#define prepare_to_wait_exclusive(q, w, s) weft_kx_prepare_to_wait()
#define prepare_to_wait_event(q, w, s) weft_kx_prepare_to_wait()
#define finish_wait(q, w) weft_kx_prepare_to_wait()
#define add_wait_queue(q, w) weft_kx_prepare_to_wait()
#define remove_wait_queue(q, w) weft_kx_prepare_to_wait()
#define DEFINE_WAIT(name) int name = (weft_kx_prepare_to_wait(), 0)
#define DECLARE_WAITQUEUE(name, tsk) DEFINE_WAIT(name)
WEFT_KX_UNMODELLED("wait_on_bit/wake_up_bit (bit waitqueues)")
int weft_kx_wait_bit(void);
#define wait_on_bit(w, b, m) weft_kx_wait_bit()
#define wait_on_bit_timeout(w, b, m, t) weft_kx_wait_bit()
#define wait_on_bit_lock(w, b, m) weft_kx_wait_bit()
#define wake_up_bit(w, b) weft_kx_wait_bit()
#define clear_and_wake_up_bit(b, w) weft_kx_wait_bit()
#define wait_var_event(v, c) weft_kx_wait_bit()
#define wake_up_var(v) weft_kx_wait_bit()

#endif
