/* weft/linux/kthread.h - part of <weft/linux.h>:
 * kthreads.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_KTHREAD_H
#define WEFT_LINUX_KTHREAD_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

#define task_struct weft_ktask
#define kthread_run(fn, data, namefmt, ...)                                   \
	weft_kthread_run((fn), (data), (namefmt), WEFT_HERE)
#define kthread_create(fn, data, namefmt, ...)                                \
	weft_kthread_create((fn), (data), (namefmt), WEFT_HERE)
#define wake_up_process(t) weft_kthread_wake((t), WEFT_HERE)
#define kthread_stop(t) weft_kthread_stop((t), WEFT_HERE)
/* Linux 6.6: kthread_stop, then put_task_struct of the caller's own
 * reference. */
#define kthread_stop_put(t)                                                   \
	(__extension__({                                                      \
		struct weft_ktask *weft_t_ = (t);                             \
		int weft_r_ = weft_kthread_stop(weft_t_, WEFT_HERE);          \
		weft_kthread_put(weft_t_, WEFT_HERE);                         \
		weft_r_;                                                      \
	}))
#define kthread_should_stop() (weft_kthread_should_stop(WEFT_HERE))
#define get_task_struct(t) weft_kthread_get((t), WEFT_HERE)
#define put_task_struct(t) weft_kthread_put((t), WEFT_HERE)

/* Kernel code uses volatile as a marked access (the old ACCESS_ONCE, a
 * field read without its lock on purpose): with the kernel models,
 * volatile accesses are relaxed atomics for the race detector. */
__attribute__((constructor)) static void weft_kernel_volatile_(void)
{
	weft_volatile_marked(1);
}

#endif
