/* linux/weft/hrtimer.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  hrtimer over the same
 * late-running timers as timer_list (weft_xtimer), with the restart
 * protocol of its handler. */
#ifndef WEFT_KERNEL_LINUX_WEFT_HRTIMER_H
#define WEFT_KERNEL_LINUX_WEFT_HRTIMER_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

enum hrtimer_restart { HRTIMER_NORESTART, HRTIMER_RESTART };
enum hrtimer_mode {
	HRTIMER_MODE_ABS = 0x00,
	HRTIMER_MODE_REL = 0x01,
	HRTIMER_MODE_PINNED = 0x02,
	HRTIMER_MODE_SOFT = 0x04,
	HRTIMER_MODE_HARD = 0x08,
	HRTIMER_MODE_ABS_PINNED = 0x02,
	HRTIMER_MODE_REL_PINNED = 0x03,
	HRTIMER_MODE_ABS_SOFT = 0x04,
	HRTIMER_MODE_REL_SOFT = 0x05,
	HRTIMER_MODE_ABS_PINNED_SOFT = 0x06,
	HRTIMER_MODE_REL_PINNED_SOFT = 0x07,
	HRTIMER_MODE_ABS_HARD = 0x08,
	HRTIMER_MODE_REL_HARD = 0x09,
};
#ifndef CLOCK_REALTIME
#define CLOCK_REALTIME 0
#endif
#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC 1
#endif
#ifndef CLOCK_BOOTTIME
#define CLOCK_BOOTTIME 7
#endif
#ifndef CLOCK_TAI
#define CLOCK_TAI 11
#endif
struct hrtimer {
	struct weft_xtimer xt;
	enum hrtimer_restart (*function)(struct hrtimer *);
	ktime_t node_expires;
};
static inline int weft_kx_hrtimer_run(struct weft_xtimer *x)
{
	struct hrtimer *h = container_of(x, struct hrtimer, xt);
	return h->function(h) == HRTIMER_RESTART;
}
/* Since Linux 5.4 an hrtimer expires in hard-interrupt context unless its
 * mode has HRTIMER_MODE_SOFT, which the initialising call fixes. */
static inline void weft_kx_hrtimer_init(struct hrtimer *h,
					enum hrtimer_restart (*fn)(struct hrtimer *),
					int mode, const char *name,
					const struct weft_loc *loc)
{
	weft_xtimer_init(&h->xt, NULL, weft_kx_hrtimer_run,
			 (mode & HRTIMER_MODE_SOFT) ? 0 : WEFT_XTIMER_HARDIRQ,
			 name, loc);
	h->function = fn;
	h->node_expires = 0;
}
#define hrtimer_init(h, clock, mode)                                          \
	((void)(clock),                                                       \
	 weft_kx_hrtimer_init((h), NULL, (int)(mode), WEFT_LX_NAME(#h),       \
			      WEFT_HERE))
#define hrtimer_setup(h, fn, clock, mode)                                     \
	((void)(clock),                                                       \
	 weft_kx_hrtimer_init((h), (fn), (int)(mode), #fn, WEFT_HERE))
#define hrtimer_init_on_stack(h, clock, mode) hrtimer_init(h, clock, mode)
#define hrtimer_setup_on_stack(h, fn, clock, mode)                            \
	hrtimer_setup(h, fn, clock, mode)
#define destroy_hrtimer_on_stack(h) ((void)(h))
static inline void weft_kx_hrtimer_start(struct hrtimer *h, ktime_t t,
					 int mode, const struct weft_loc *loc)
{
	ktime_t now = weft_kx_ktime_now(loc);
	ktime_t abs = (mode & HRTIMER_MODE_REL) ? now + t : t;

	h->node_expires = abs;
	weft_xtimer_mod(&h->xt, WEFT_INITIAL_JIFFIES + weft_kx_ns_to_ticks(abs),
			0, 0, loc);
}
#define hrtimer_start(h, t, mode) weft_kx_hrtimer_start((h), (t), (mode), WEFT_HERE)
#define hrtimer_start_range_ns(h, t, slack, mode)                             \
	((void)(slack), weft_kx_hrtimer_start((h), (t), (mode), WEFT_HERE))
#define hrtimer_cancel(h) weft_xtimer_del(&(h)->xt, 1, 0, WEFT_HERE)
#define hrtimer_try_to_cancel(h) weft_xtimer_del(&(h)->xt, 2, 0, WEFT_HERE)
#define hrtimer_active(h) weft_xtimer_active(&(h)->xt, WEFT_HERE)
#define hrtimer_is_queued(h) weft_xtimer_pending(&(h)->xt, WEFT_HERE)
#define hrtimer_callback_running(h) weft_xtimer_running(&(h)->xt, WEFT_HERE)
#define hrtimer_get_expires(h) ((h)->node_expires)
#define hrtimer_set_expires(h, t)                                             \
	((h)->node_expires = (t),                                             \
	 (h)->xt.expires = WEFT_INITIAL_JIFFIES + weft_kx_ns_to_ticks(t))
#define hrtimer_get_remaining(h) ktime_sub((h)->node_expires, ktime_get())
static inline u64 weft_kx_hrtimer_forward(struct hrtimer *h, ktime_t now,
					  ktime_t interval,
					  const struct weft_loc *loc)
{
	u64 overruns = 0;

	/* The kernel warns on a queued timer and leaves it as it is. */
	weft_xtimer_forward_check(&h->xt, loc);
	if (interval <= 0)
		interval = 1;
	while (h->node_expires <= now) {
		h->node_expires += interval;
		overruns++;
	}
	h->xt.expires = WEFT_INITIAL_JIFFIES +
			weft_kx_ns_to_ticks(h->node_expires);
	return overruns;
}
#define hrtimer_forward(h, now, interval)                                     \
	weft_kx_hrtimer_forward((h), (now), (interval), WEFT_HERE)
#define hrtimer_forward_now(h, interval)                                      \
	weft_kx_hrtimer_forward((h), ktime_get(), (interval), WEFT_HERE)

#endif
