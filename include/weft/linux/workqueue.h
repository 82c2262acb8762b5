/* weft/linux/workqueue.h - part of <weft/linux.h>:
 * workqueues.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_WORKQUEUE_H
#define WEFT_LINUX_WORKQUEUE_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

#define work_struct weft_work
#define delayed_work weft_dwork
#define workqueue_struct weft_wq
typedef void (*work_func_t)(struct weft_work *);

#define WQ_UNBOUND WEFT_WQ_UNBOUND
#define WQ_FREEZABLE (1u << 2)
#define WQ_MEM_RECLAIM WEFT_WQ_MEM_RECLAIM
#define WQ_HIGHPRI (1u << 4)
#define WQ_CPU_INTENSIVE (1u << 5)
#define WQ_SYSFS (1u << 6)
#define WQ_POWER_EFFICIENT (1u << 7)
#define __WQ_ORDERED (1u << 17)
#define __WQ_LEGACY WEFT_WQ_LEGACY
#define WQ_MAX_ACTIVE 512

#define system_wq (&weft_system_wq)
#define system_unbound_wq (&weft_system_unbound_wq)
#define system_long_wq (&weft_system_long_wq)
#define system_highpri_wq (&weft_system_highpri_wq)
#define system_power_efficient_wq (&weft_system_wq)

/* The name is the format string itself (it is a literal, so it can name
 * the queue's lock-order class for the whole run); extra arguments are
 * evaluated and ignored.  Allocating a queue may sleep (GFP_KERNEL, the
 * workqueue mutex, its rescuer's kthread_create). */
#define alloc_workqueue(fmt, flags, max_active, ...)                          \
	(weft_might_sleep("alloc_workqueue", NULL, WEFT_HERE),                \
	 weft_wq_alloc((fmt), (flags), (max_active),                          \
		       ((flags) & __WQ_ORDERED) != 0, WEFT_HERE))
#define alloc_ordered_workqueue(fmt, flags, ...)                              \
	(weft_might_sleep("alloc_ordered_workqueue", NULL, WEFT_HERE),        \
	 weft_wq_alloc((fmt), (flags) | __WQ_ORDERED, 1, 1, WEFT_HERE))
#define create_singlethread_workqueue(name)                                   \
	alloc_ordered_workqueue((name), __WQ_LEGACY | WQ_MEM_RECLAIM)
#define create_workqueue(name)                                                \
	alloc_workqueue((name), __WQ_LEGACY | WQ_MEM_RECLAIM, 1)
#define destroy_workqueue(wq) weft_wq_destroy((wq), WEFT_HERE)
#define flush_workqueue(wq) weft_wq_flush((wq), WEFT_HERE)
#define drain_workqueue(wq) weft_wq_drain((wq), WEFT_HERE)
#define flush_scheduled_work() weft_wq_flush(system_wq, WEFT_HERE)

#define DECLARE_WORK(n, f) struct weft_work n = WEFT_WORK_INIT(f, #f)
#define DECLARE_DELAYED_WORK(n, f) struct weft_dwork n = WEFT_DWORK_INIT(f, #f)
#define INIT_WORK(w, f) weft_work_init((w), (f), #f, WEFT_HERE)
#define INIT_DELAYED_WORK(d, f) weft_dwork_init((d), (f), #f, WEFT_HERE)
#define to_delayed_work(w) container_of((w), struct weft_dwork, work)

#define queue_work(wq, w) (weft_work_queue((wq), (w), WEFT_HERE))
#define queue_work_on(cpu, wq, w)                                             \
	weft_work_queue_on((wq), (w), (cpu), WEFT_HERE)
#define schedule_work(w) (weft_work_queue(system_wq, (w), WEFT_HERE))
#define flush_work(w) (weft_work_flush((w), WEFT_HERE))
#define cancel_work(w) (weft_work_cancel((w), 0, WEFT_HERE))
#define cancel_work_sync(w) (weft_work_cancel((w), 1, WEFT_HERE))
#define work_pending(w) (weft_work_pending((w), WEFT_HERE))

#define queue_delayed_work(wq, d, delay)                                      \
	(weft_dwork_queue((wq), (d), (delay), 0, WEFT_HERE))
#define queue_delayed_work_on(cpu, wq, d, delay)                              \
	((void)(cpu), weft_dwork_queue((wq), (d), (delay), 0, WEFT_HERE))
#define mod_delayed_work(wq, d, delay)                                        \
	(weft_dwork_queue((wq), (d), (delay), 1, WEFT_HERE))
#define schedule_delayed_work(d, delay)                                       \
	(weft_dwork_queue(system_wq, (d), (delay), 0, WEFT_HERE))
#define cancel_delayed_work(d) (weft_work_cancel(&(d)->work, 0, WEFT_HERE))
#define cancel_delayed_work_sync(d)                                           \
	(weft_work_cancel(&(d)->work, 1, WEFT_HERE))
#define flush_delayed_work(d) (weft_dwork_flush((d), WEFT_HERE))
#define delayed_work_pending(d) work_pending(&(d)->work)

#endif
