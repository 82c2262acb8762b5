/* linux/weft/timer.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  timer_list over weft_xtimer
 * (src/linux/ext_timer.c): a handler runs late, in a thread of its own,
 * so del_timer racing a running handler is explored, which the simpler
 * timers of <weft/linux.h> cannot show. */
#ifndef WEFT_KERNEL_LINUX_WEFT_TIMER_H
#define WEFT_KERNEL_LINUX_WEFT_TIMER_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#undef timer_list
#undef DEFINE_TIMER
#undef timer_setup
#undef from_timer
#undef timer_container_of
#undef mod_timer
#undef add_timer
#undef del_timer
#undef del_timer_sync
#undef timer_delete
#undef timer_delete_sync
#undef timer_shutdown
#undef timer_shutdown_sync
#undef timer_pending
#define timer_list weft_xtimer
#define TIMER_DEFERRABLE 0x00080000u
#define TIMER_PINNED 0x00200000u
#define TIMER_IRQSAFE 0x00400000u
#define TIMER_INIT_FLAGS (TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)
typedef void (*weft_kx_timer_fn)(struct weft_xtimer *);
#define DEFINE_TIMER(n, f)                                                    \
	struct weft_xtimer n = { .fn = (f), .name = #f }
#define timer_setup(t, f, flags)                                              \
	weft_xtimer_init((t), (f), NULL, (flags), #f, WEFT_HERE)
#define timer_setup_on_stack(t, f, flags) timer_setup(t, f, flags)
#define destroy_timer_on_stack(t) ((void)(t))
#define from_timer(var, t, field) container_of((t), __typeof__(*(var)), field)
#define timer_container_of(var, t, field) from_timer(var, t, field)
#define mod_timer(t, e) weft_xtimer_mod((t), (e), 0, 0, WEFT_HERE)
#define mod_timer_pending(t, e) weft_xtimer_mod((t), (e), 1, 0, WEFT_HERE)
#define timer_reduce(t, e) weft_xtimer_mod((t), (e), 0, 1, WEFT_HERE)
#define add_timer(t)                                                          \
	((void)weft_xtimer_mod((t), (t)->expires, 2, 0, WEFT_HERE))
#define add_timer_on(t, cpu)                                                  \
	((void)weft_xtimer_mod_on((t), (cpu), WEFT_NR_CPUS, WEFT_HERE))
#define add_timer_global(t) add_timer(t)
#define add_timer_local(t) add_timer(t)
#define del_timer(t) weft_xtimer_del((t), 0, 0, WEFT_HERE)
#define del_timer_sync(t) weft_xtimer_del((t), 1, 0, WEFT_HERE)
#define try_to_del_timer_sync(t) weft_xtimer_del((t), 2, 0, WEFT_HERE)
#define timer_delete(t) del_timer(t)
#define timer_delete_sync(t) del_timer_sync(t)
#define timer_delete_sync_try(t) try_to_del_timer_sync(t)
#define timer_shutdown(t) weft_xtimer_del((t), 0, 1, WEFT_HERE)
#define timer_shutdown_sync(t) weft_xtimer_del((t), 1, 1, WEFT_HERE)
#define timer_pending(t) (weft_xtimer_pending((t), WEFT_HERE))
#define round_jiffies(j) (j)
#define round_jiffies_relative(j) (j)
#define round_jiffies_up(j) (j)
#define round_jiffies_up_relative(j) (j)
#define __round_jiffies_relative(j, cpu) (j)

#endif
