/* linux/weft/workqueue.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  The system workqueues,
 * flags and work-item calls of <linux/workqueue.h> beyond
 * <weft/linux.h>, mapped onto weft's workqueue model
 * (src/linux/workqueue.c). */
#ifndef WEFT_KERNEL_LINUX_WEFT_WORKQUEUE_H
#define WEFT_KERNEL_LINUX_WEFT_WORKQUEUE_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define system_freezable_wq (&weft_system_wq)
#define system_freezable_power_efficient_wq (&weft_system_wq)
#define system_bh_wq (&weft_system_bh_wq)
#define system_bh_highpri_wq (&weft_system_bh_wq)
#define WQ_BH WEFT_WQ_BH
#define WQ_PERCPU 0u
#define WQ_UNBOUND_MAX_ACTIVE WQ_MAX_ACTIVE
#define WQ_DFL_ACTIVE (WQ_MAX_ACTIVE / 2)
#define INIT_WORK_ONSTACK(w, f) INIT_WORK(w, f)
#define INIT_DELAYED_WORK_ONSTACK(d, f) INIT_DELAYED_WORK(d, f)
#define INIT_DEFERRABLE_WORK(d, f) INIT_DELAYED_WORK(d, f)
#define __INIT_WORK(w, f, onstack) INIT_WORK(w, f)
#define DECLARE_DEFERRABLE_WORK(n, f) DECLARE_DELAYED_WORK(n, f)
#define destroy_work_on_stack(w) ((void)(w))
#define destroy_delayed_work_on_stack(d) ((void)(d))
#define queue_work_node(node, wq, w)                                          \
	((void)(node), weft_work_queue((wq), (w), WEFT_HERE))
#define schedule_work_on(cpu, w)                                              \
	((void)(cpu), weft_work_queue(system_wq, (w), WEFT_HERE))
#define mod_delayed_work_on(cpu, wq, d, delay)                                \
	((void)(cpu), weft_dwork_queue((wq), (d), (delay), 1, WEFT_HERE))
#define schedule_delayed_work_on(cpu, d, delay)                               \
	((void)(cpu), weft_dwork_queue(system_wq, (d), (delay), 0, WEFT_HERE))
#define flush_delayed_work_sync(d) flush_delayed_work(d)
/* As the kernel's inline: queued only when the count reaches zero. */
static inline bool weft_kx_enable_and_queue(struct weft_wq *wq,
					    struct weft_work *w,
					    const struct weft_loc *loc)
{
	if (!weft_work_enable(w, loc))
		return false;
	weft_work_queue(wq, w, loc);
	return true;
}
#define disable_work(w) (weft_work_disable((w), 0, WEFT_HERE))
#define disable_work_sync(w) (weft_work_disable((w), 1, WEFT_HERE))
#define enable_work(w) (weft_work_enable((w), WEFT_HERE))
#define disable_delayed_work(d) (weft_work_disable(&(d)->work, 0, WEFT_HERE))
#define disable_delayed_work_sync(d)                                          \
	(weft_work_disable(&(d)->work, 1, WEFT_HERE))
#define enable_delayed_work(d) (weft_work_enable(&(d)->work, WEFT_HERE))
#define enable_and_queue_work(wq, w)                                          \
	weft_kx_enable_and_queue((wq), (w), WEFT_HERE)
/* work_busy reads the workqueue model's state: pending while queued or
 * while its delay timer is armed, running while a worker runs it. */
#define WORK_BUSY_PENDING WEFT_KX_WORK_BUSY_PENDING
#define WORK_BUSY_RUNNING WEFT_KX_WORK_BUSY_RUNNING
#define work_busy(w) weft_kx_work_busy((w), WEFT_HERE)
#define current_work() weft_kx_current_work()
#define current_is_workqueue_rescuer() 0
#define workqueue_set_max_active(wq, n)                                       \
	weft_wq_set_max_active((wq), (n), WEFT_HERE)

/* An rcu_work is queued after a grace period, as the kernel's: queue_
 * rcu_work sets the work pending at once (false when it was) and its
 * call_rcu callback queues it on wq (src/linux/ext_wq.c has the two
 * halves), so its function runs after every read section that was in
 * progress at the call.  flush_rcu_work waits for that grace period
 * (rcu_barrier) while the work is pending, then flushes it. */
struct rcu_work {
	struct work_struct work;
	struct rcu_head rcu;
	struct workqueue_struct *wq;
};
#define INIT_RCU_WORK(w, f) INIT_WORK(&(w)->work, f)
#define INIT_RCU_WORK_ONSTACK(w, f) INIT_WORK(&(w)->work, f)
#define to_rcu_work(w) container_of((w), struct rcu_work, work)
static inline void weft_kx_rcu_work_rcufn(struct rcu_head *h)
{
	struct rcu_work *rw = container_of(h, struct rcu_work, rcu);

	weft_kx_rcu_work_insert(rw->wq, &rw->work, WEFT_HERE);
}
static inline bool weft_kx_queue_rcu_work(struct workqueue_struct *wq,
					  struct rcu_work *rw,
					  const struct weft_loc *loc)
{
	if (!weft_kx_rcu_work_claim(wq, &rw->work, loc))
		return false;
	rw->wq = wq;
	weft_call_rcu(&rw->rcu, weft_kx_rcu_work_rcufn, "rcu_work_rcufn", loc);
	return true;
}
static inline bool weft_kx_flush_rcu_work(struct rcu_work *rw,
					  const struct weft_loc *loc)
{
	if (weft_work_pending(&rw->work, loc)) {
		weft_rcu_barrier(loc);
		weft_work_flush(&rw->work, loc);
		return true;
	}
	return weft_work_flush(&rw->work, loc) != 0;
}
#define queue_rcu_work(wq, rw) weft_kx_queue_rcu_work((wq), (rw), WEFT_HERE)
#define flush_rcu_work(rw) weft_kx_flush_rcu_work((rw), WEFT_HERE)

#endif
