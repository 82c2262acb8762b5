/* sys/epoch.h - weft's FreeBSD kernel header tree: epoch(9) over weft's
 * RCU domains (weft/bsd.h).  epoch_enter and epoch_exit (and their
 * _preempt forms, whose tracker is unused) are read sections, epoch_wait
 * and epoch_wait_preempt wait for a grace period (the second may sleep:
 * not with a mutex held), epoch_call runs its callback after one, in
 * the epoch's own thread; the NET_EPOCH macros use net_epoch_preempt.
 * A call that may sleep inside an epoch section is misuse (the kernel
 * marks the thread THREAD_NO_SLEEPING, or is in a critical section). */
#ifndef WEFT_KERNEL_SYS_EPOCH_H
#define WEFT_KERNEL_SYS_EPOCH_H
#include <sys/weft_freebsd.h>
#include <weft/rcu.h>

typedef struct weft_rcu_domain *epoch_t;
struct epoch_tracker {
	int weft_unused;
};
/* The kernel's context is weft's, so a callback's type is exactly what
 * the model calls. */
#define epoch_context weft_bsd_epoch_ctx
typedef struct epoch_context *epoch_context_t;
typedef void epoch_callback_t(epoch_context_t);

#define EPOCH_PREEMPT WEFT_BSD_EPOCH_PREEMPT
#define EPOCH_LOCKED WEFT_BSD_EPOCH_LOCKED

#define net_epoch_preempt weft_bsd_net_epoch()
#define epoch_alloc(name, flags)                                              \
	weft_bsd_epoch_alloc((name), (flags), WEFT_HERE)
#define epoch_free(e) weft_bsd_epoch_free((e), WEFT_HERE)
#define epoch_enter(e) ((void)weft_rcu_domain_read_lock((e), WEFT_HERE))
#define epoch_exit(e) weft_rcu_domain_read_unlock((e), 0, WEFT_HERE)
#define epoch_enter_preempt(e, et) ((void)(et), epoch_enter(e))
#define epoch_exit_preempt(e, et) ((void)(et), epoch_exit(e))
#define epoch_wait(e) weft_bsd_epoch_wait((e), 0, WEFT_HERE)
#define epoch_wait_preempt(e) weft_bsd_epoch_wait((e), 1, WEFT_HERE)
#define epoch_call(e, fn, ctx) weft_bsd_epoch_call((e), (fn), (ctx), WEFT_HERE)
/* It sleeps: WITNESS warns with a mutex held, as for epoch_wait_preempt. */
#define epoch_drain_callbacks(e)                                              \
	(weft_bsd_may_sleep("epoch_drain_callbacks", WEFT_HERE),              \
	 weft_rcu_domain_barrier((e), WEFT_HERE))
#define in_epoch(e) weft_rcu_domain_read_held(e)
#define in_epoch_verbose(e, v) ((void)(v), in_epoch(e))

#define NET_EPOCH_ENTER(et) epoch_enter_preempt(net_epoch_preempt, &(et))
#define NET_EPOCH_EXIT(et) epoch_exit_preempt(net_epoch_preempt, &(et))
#define NET_EPOCH_WAIT() epoch_wait_preempt(net_epoch_preempt)
#define NET_EPOCH_CALL(f, c) epoch_call(net_epoch_preempt, (f), (c))
#define NET_EPOCH_DRAIN_CALLBACKS() epoch_drain_callbacks(net_epoch_preempt)
#define NET_EPOCH_ASSERT() MPASS(in_epoch(net_epoch_preempt))
#endif
