/* sys/epoch.h - weft's FreeBSD kernel header tree: epoch(9) is not
 * modelled.  Its calls fail to compile, each naming itself, rather than
 * the header being missing (Linux's RCU is modelled: <linux/rcupdate.h>). */
#ifndef WEFT_KERNEL_SYS_EPOCH_H
#define WEFT_KERNEL_SYS_EPOCH_H
#include <sys/weft_freebsd.h>

typedef struct weft_bsd_epoch *epoch_t;
struct epoch_tracker {
	void *weft_unused;
};
struct epoch_context {
	void *weft_unused;
};
typedef struct epoch_context *epoch_context_t;
WEFT_BSD_UNMODELLED("epoch(9) (epoch_enter, epoch_wait, epoch_call, "
		    "NET_EPOCH_ENTER)")
int weft_bsd_epoch_unmodelled(void);
#define epoch_alloc(name, flags) ((epoch_t)(long)weft_bsd_epoch_unmodelled())
#define epoch_free(e) weft_bsd_epoch_unmodelled()
#define epoch_enter(e) weft_bsd_epoch_unmodelled()
#define epoch_exit(e) weft_bsd_epoch_unmodelled()
#define epoch_enter_preempt(e, et) weft_bsd_epoch_unmodelled()
#define epoch_exit_preempt(e, et) weft_bsd_epoch_unmodelled()
#define epoch_wait(e) weft_bsd_epoch_unmodelled()
#define epoch_wait_preempt(e) weft_bsd_epoch_unmodelled()
#define epoch_call(e, fn, ctx) weft_bsd_epoch_unmodelled()
#define epoch_drain_callbacks(e) weft_bsd_epoch_unmodelled()
#define in_epoch(e) weft_bsd_epoch_unmodelled()
#define NET_EPOCH_ENTER(et) weft_bsd_epoch_unmodelled()
#define NET_EPOCH_EXIT(et) weft_bsd_epoch_unmodelled()
#define NET_EPOCH_WAIT() weft_bsd_epoch_unmodelled()
#define NET_EPOCH_CALL(fn, ctx) weft_bsd_epoch_unmodelled()
#endif
