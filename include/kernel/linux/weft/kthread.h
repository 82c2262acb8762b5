/* linux/weft/kthread.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  kthread spellings beyond
 * <weft/linux.h>. */
#ifndef WEFT_KERNEL_LINUX_WEFT_KTHREAD_H
#define WEFT_KERNEL_LINUX_WEFT_KTHREAD_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* A created kthread sleeps until wake_up_process() (src/linux/kthread.c). */
#define kthread_create(fn, data, namefmt, ...)                                \
	weft_kthread_create((fn), (data), (namefmt), WEFT_HERE)
#define kthread_create_on_node(fn, data, node, namefmt, ...)                  \
	((void)(node), kthread_create(fn, data, namefmt))
/* Bound to a CPU, the thread runs there (linux/weft/smp.h); the
 * kernel's kthread_run_on_cpu binds the created thread, then wakes it. */
static inline struct weft_ktask *
weft_kx_kthread_on_cpu(struct weft_ktask *t, int cpu, int wake,
		       const struct weft_loc *loc)
{
	if (IS_ERR(t))
		return t;
	weft_kx_kthread_bind(t, cpu, WEFT_NR_CPUS, loc);
	if (wake)
		wake_up_process(t);
	return t;
}
#define kthread_create_on_cpu(fn, data, cpu, namefmt)                         \
	weft_kx_kthread_on_cpu(kthread_create(fn, data, namefmt), (cpu), 0,   \
			       WEFT_HERE)
#define kthread_bind(t, cpu)                                                  \
	weft_kx_kthread_bind((t), (cpu), WEFT_NR_CPUS, WEFT_HERE)
#define kthread_run_on_cpu(fn, data, cpu, namefmt)                            \
	weft_kx_kthread_on_cpu(kthread_create(fn, data, namefmt), (cpu), 1,   \
			       WEFT_HERE)
/* Linux 5.17 on: the function ends where it calls these, as if it
 * returned code; after kthread_complete_and_exit's complete() the thread
 * runs none of the caller's code again (src/linux/kthread.c). */
#define kthread_exit(code) weft_kx_kthread_exit((code), WEFT_HERE)
#define kthread_complete_and_exit(comp, code)                                 \
	weft_kx_kthread_complete_and_exit(                                    \
		(comp), (code), WEFT_WAKE_HERE("complete", #comp))
#define module_put_and_kthread_exit(code) kthread_exit(code)
/* Parking (src/linux/kthread_park.c). */
#define kthread_park(t) weft_kthread_park((t), WEFT_HERE)
#define kthread_unpark(t) weft_kthread_unpark((t), WEFT_HERE)
#define kthread_should_park() ((bool)weft_kthread_should_park(WEFT_HERE))
#define kthread_parkme() weft_kthread_parkme(WEFT_HERE)
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
	(weft_might_sleep("kthread_create_worker", NULL, WEFT_HERE),          \
	 weft_wq_alloc((fmt), __WQ_ORDERED, 1, 1, WEFT_HERE))
#define kthread_create_worker(flags, fmt, ...) WEFT_KX_KWORKER(fmt)
#define kthread_run_worker(flags, fmt, ...) WEFT_KX_KWORKER(fmt)
#define kthread_create_worker_on_cpu(cpu, flags, fmt, ...) WEFT_KX_KWORKER(fmt)
#define kthread_run_worker_on_cpu(cpu, flags, fmt, ...) WEFT_KX_KWORKER(fmt)
/* The workqueue spellings are the calls (weft/linux/workqueue.h). */
#define kthread_init_work(w, fn) INIT_WORK(w, fn)
#define kthread_init_delayed_work(d, fn) INIT_DELAYED_WORK(d, fn)
#define DEFINE_KTHREAD_WORK(name, fn) DECLARE_WORK(name, fn)
#define kthread_queue_work(wk, w) queue_work(wk, w)
#define kthread_queue_delayed_work(wk, d, delay)                              \
	queue_delayed_work(wk, d, delay)
#define kthread_mod_delayed_work(wk, d, delay) mod_delayed_work(wk, d, delay)
#define kthread_flush_work(w) ((void)flush_work(w))
#define kthread_flush_worker(wk) flush_workqueue(wk)
#define kthread_cancel_work_sync(w) cancel_work_sync(w)
#define kthread_cancel_delayed_work_sync(d) cancel_delayed_work_sync(d)
#define kthread_destroy_worker(wk) destroy_workqueue(wk)
WEFT_KX_UNMODELLED("kthread_init_worker/kthread_worker_fn (a worker the "
		   "program runs itself; use kthread_create_worker)")
int weft_kx_kthread_worker_fn(void *);
#define kthread_worker_fn weft_kx_kthread_worker_fn
#define kthread_init_worker(wk) ((void)weft_kx_kthread_worker_fn(wk))

#endif
