/* linux/weft/kthread.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  kthread spellings beyond
 * <weft/linux.h>; kthread_create and parking are an #error, because a
 * created but not yet woken thread is not modelled. */
#ifndef WEFT_KERNEL_LINUX_WEFT_KTHREAD_H
#define WEFT_KERNEL_LINUX_WEFT_KTHREAD_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

WEFT_KX_UNMODELLED("kthread_create (a created, not yet woken kthread; use "
		   "kthread_run)")
struct weft_ktask *weft_kx_kthread_create(void);
#define kthread_create(fn, data, namefmt, ...) weft_kx_kthread_create()
#define kthread_create_on_node(fn, data, node, namefmt, ...)                  \
	weft_kx_kthread_create()
#define kthread_create_on_cpu(fn, data, cpu, namefmt) weft_kx_kthread_create()
#define kthread_bind(t, cpu) ((void)(t), (void)(cpu))
#define kthread_run_on_cpu(fn, data, cpu, namefmt)                            \
	((void)(cpu), kthread_run(fn, data, namefmt))
WEFT_KX_UNMODELLED("kthread_park/kthread_unpark")
bool weft_kx_kthread_park(void);
#define kthread_park(t) weft_kx_kthread_park()
#define kthread_unpark(t) weft_kx_kthread_park()
#define kthread_should_park() weft_kx_kthread_park()
#define kthread_parkme() weft_kx_kthread_park()
#define set_freezable() ((void)0)
#define try_to_freeze() 0
#define freezing(t) 0
#define kthread_freezable_should_stop(was) kthread_should_stop()

#endif
