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

/* kthread_worker: one kernel thread that runs the works queued on it in
 * order, which is an ordered workqueue of weft's model
 * (src/linux/workqueue.c): flushing, cancelling and destroying block and
 * are checked as for a workqueue, and a flush under a lock the work takes
 * is a deadlock.  Its thread is drawn as a kworker.  A worker a program
 * runs itself with kthread_worker_fn is not modelled. */
#define kthread_worker weft_wq
#define kthread_work weft_work
#define kthread_delayed_work weft_dwork
#define WEFT_KX_KWORKER(fmt)                                                  \
	weft_wq_alloc((fmt), __WQ_ORDERED, 1, 1, WEFT_HERE)
#define kthread_create_worker(flags, fmt, ...) WEFT_KX_KWORKER(fmt)
#define kthread_run_worker(flags, fmt, ...) WEFT_KX_KWORKER(fmt)
#define kthread_create_worker_on_cpu(cpu, flags, fmt, ...) WEFT_KX_KWORKER(fmt)
#define kthread_run_worker_on_cpu(cpu, flags, fmt, ...) WEFT_KX_KWORKER(fmt)
#define kthread_init_work(w, fn) weft_work_init((w), (fn), #fn, WEFT_HERE)
#define kthread_init_delayed_work(d, fn)                                      \
	weft_dwork_init((d), (fn), #fn, WEFT_HERE)
#define DEFINE_KTHREAD_WORK(name, fn) struct weft_work name = WEFT_WORK_INIT(fn, #fn)
static inline bool weft_kx_kthread_queue(struct weft_wq *wk,
					 struct weft_work *w,
					 const struct weft_loc *loc)
{
	return weft_work_queue(wk, w, loc);
}
static inline bool weft_kx_kthread_cancel(struct weft_work *w,
					  const struct weft_loc *loc)
{
	return weft_work_cancel(w, 1, loc);
}
static inline bool weft_kx_kthread_dqueue(struct weft_wq *wk,
					  struct weft_dwork *d,
					  unsigned long delay, int mod,
					  const struct weft_loc *loc)
{
	return weft_dwork_queue(wk, d, delay, mod, loc);
}
#define kthread_queue_work(wk, w) weft_kx_kthread_queue((wk), (w), WEFT_HERE)
#define kthread_queue_delayed_work(wk, d, delay)                              \
	weft_kx_kthread_dqueue((wk), (d), (delay), 0, WEFT_HERE)
#define kthread_mod_delayed_work(wk, d, delay)                                \
	weft_kx_kthread_dqueue((wk), (d), (delay), 1, WEFT_HERE)
#define kthread_flush_work(w) ((void)weft_work_flush((w), WEFT_HERE))
#define kthread_flush_worker(wk) weft_wq_flush((wk), WEFT_HERE)
#define kthread_cancel_work_sync(w) weft_kx_kthread_cancel((w), WEFT_HERE)
#define kthread_cancel_delayed_work_sync(d)                                   \
	weft_kx_kthread_cancel(&(d)->work, WEFT_HERE)
#define kthread_destroy_worker(wk) weft_wq_destroy((wk), WEFT_HERE)
WEFT_KX_UNMODELLED("kthread_init_worker/kthread_worker_fn (a worker the "
		   "program runs itself; use kthread_create_worker)")
int weft_kx_kthread_worker_fn(void *);
#define kthread_worker_fn weft_kx_kthread_worker_fn
#define kthread_init_worker(wk) ((void)weft_kx_kthread_worker_fn(wk))

#endif
