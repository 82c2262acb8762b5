/* linux/weft/interrupt.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  Tasklets as atomic work
 * items, and hard interrupts: request_irq's handler runs in a thread of
 * its own when the test raises the line (src/linux/ext_irq.c). */
#ifndef WEFT_KERNEL_LINUX_WEFT_INTERRUPT_H
#define WEFT_KERNEL_LINUX_WEFT_INTERRUPT_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* ---- linux/interrupt.h: tasklets -----------------------------------------
 *
 * A tasklet runs its function in atomic context, never twice at once,
 * once per tasklet_schedule that found it not scheduled; here it is a work
 * item of system_highpri_wq whose function is an atomic section.
 * tasklet_kill waits until a scheduled tasklet has run, then keeps it
 * from being scheduled again (by itself, say) until a running instance
 * has returned: afterwards it may be freed.  A disabled tasklet stays
 * pending on the queue without starting (weft_work.hold). */
struct tasklet_struct {
	struct weft_work work;
	void (*func)(unsigned long);
	unsigned long data;
	void (*callback)(struct tasklet_struct *);
	bool use_callback;
	unsigned long state;
};
static inline void weft_kx_tasklet_run(struct weft_work *w)
{
	struct tasklet_struct *t = container_of(w, struct tasklet_struct, work);

	weft_kx_atomic(1, "tasklet", WEFT_HERE);
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
	/* The kernel's tasklet_action clears the tasklet's RUN state after
	 * the function returns (tasklet_unlock), so a tasklet that frees
	 * itself is a use-after-free, as a work item's freeing itself is
	 * not (weft_kx_tasklet_unlock checks the store). */
	weft_kx_tasklet_unlock(&t->state, w);
	weft_kx_atomic(-1, "tasklet", WEFT_HERE);
}
#define DECLARE_TASKLET(n, cb)                                                \
	struct tasklet_struct n = { .work = WEFT_WORK_INIT(weft_kx_tasklet_run, #cb), \
				    .callback = (cb), .use_callback = true }
#define DECLARE_TASKLET_OLD(n, fn)                                            \
	struct tasklet_struct n = { .work = WEFT_WORK_INIT(weft_kx_tasklet_run, #fn), \
				    .func = (fn) }
#define tasklet_init(t, fn, d)                                                \
	do {                                                                  \
		weft_work_init(&(t)->work, weft_kx_tasklet_run, #fn, WEFT_HERE); \
		(t)->func = (fn);                                             \
		(t)->data = (d);                                              \
		(t)->use_callback = false;                                    \
	} while (0)
#define tasklet_setup(t, cb)                                                  \
	do {                                                                  \
		weft_work_init(&(t)->work, weft_kx_tasklet_run, #cb, WEFT_HERE); \
		(t)->callback = (cb);                                         \
		(t)->use_callback = true;                                     \
	} while (0)
#define from_tasklet(var, t, field) container_of((t), __typeof__(*(var)), field)
#define tasklet_schedule(t)                                                   \
	((void)weft_kx_tasklet_schedule(&(t)->work, WEFT_HERE))
#define tasklet_hi_schedule(t) tasklet_schedule(t)
#define tasklet_kill(t) weft_kx_tasklet_kill(&(t)->work, WEFT_HERE)
/* tasklet_disable keeps a scheduled tasklet from starting until the
 * matching tasklet_enable and waits for a running one; the _nosync form
 * does not wait.  A disabled tasklet that is scheduled stays so: a
 * tasklet_kill of it waits for ever, as in the kernel. */
#define tasklet_disable_nosync(t) weft_kx_tasklet_disable(&(t)->work, 0, WEFT_HERE)
#define tasklet_disable(t) weft_kx_tasklet_disable(&(t)->work, 1, WEFT_HERE)
#define tasklet_disable_in_atomic(t)                                          \
	weft_kx_tasklet_disable(&(t)->work, 2, WEFT_HERE)
#define tasklet_enable(t) weft_kx_tasklet_enable(&(t)->work, WEFT_HERE)
#define tasklet_unlock_wait(t)                                                \
	weft_kx_tasklet_unlock_wait(&(t)->work, 0, WEFT_HERE)
#define tasklet_unlock_spin_wait(t)                                           \
	weft_kx_tasklet_unlock_wait(&(t)->work, 1, WEFT_HERE)
/* Born disabled: the count starts at one. */
#define DECLARE_TASKLET_DISABLED(n, cb)                                       \
	struct tasklet_struct n = {                                           \
		.work = { .func = weft_kx_tasklet_run, .name = #cb,           \
			  .magic = WEFT_WORK_MAGIC, .cpu = -1, .hold = 1 },   \
		.callback = (cb), .use_callback = true }
#define DECLARE_TASKLET_DISABLED_OLD(n, fn)                                   \
	struct tasklet_struct n = {                                           \
		.work = { .func = weft_kx_tasklet_run, .name = #fn,           \
			  .magic = WEFT_WORK_MAGIC, .cpu = -1, .hold = 1 },   \
		.func = (fn) }

/* Hard interrupts (src/linux/ext_irq.c): a requested line's handler runs
 * in a thread of its own, in hard-interrupt context, after each
 * weft_raise_irq(irq) of the test's device model; a handler spinning on
 * a lock held with interrupts enabled is a deadlock.  devm_ forms are
 * released with the device, which is not modelled: they are never
 * reported as still requested. */
typedef int irqreturn_t;
#define IRQ_NONE 0
#define IRQ_HANDLED 1
#define IRQ_WAKE_THREAD 2
#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)
#define IRQF_SHARED WEFT_KX_IRQF_SHARED
#define IRQF_ONESHOT 0x2000u
#define IRQF_TRIGGER_NONE 0u
#define IRQF_TRIGGER_RISING 0x1u
#define IRQF_TRIGGER_FALLING 0x2u
#define IRQF_TRIGGER_HIGH 0x4u
#define IRQF_TRIGGER_LOW 0x8u
#define IRQF_NO_SUSPEND 0x4000u
typedef irqreturn_t (*irq_handler_t)(int, void *);
#define request_irq(irq, h, flags, name, dev)                                 \
	weft_kx_request_irq((irq), (h), NULL, (flags), (name), (dev), 0,      \
			    WEFT_HERE)
#define request_threaded_irq(irq, h, th, flags, name, dev)                    \
	weft_kx_request_irq((irq), (h), (th), (flags), (name), (dev), 0,      \
			    WEFT_HERE)
#define devm_request_irq(d, irq, h, flags, name, dev)                         \
	((void)(d), weft_kx_request_irq((irq), (h), NULL, (flags), (name),    \
					(dev), 1, WEFT_HERE))
#define devm_request_threaded_irq(d, irq, h, th, fl, name, dev)               \
	((void)(d), weft_kx_request_irq((irq), (h), (th), (fl), (name),       \
					(dev), 1, WEFT_HERE))
#define free_irq(irq, dev) weft_kx_free_irq((irq), (dev), WEFT_HERE)
#define synchronize_irq(irq) weft_kx_synchronize_irq((irq), WEFT_HERE)
#define disable_irq(irq) weft_kx_disable_irq((irq), 1, WEFT_HERE)
#define disable_irq_nosync(irq) weft_kx_disable_irq((irq), 0, WEFT_HERE)
#define enable_irq(irq) weft_kx_enable_irq((irq), WEFT_HERE)

/* ---- linux/irq_work.h ------------------------------------------------------
 *
 * An irq_work runs its function in interrupt context soon after
 * irq_work_queue, which returns false when it is pending already (a
 * running one may be queued again); irq_work_sync waits until it is
 * neither pending nor running.  Here it is a work item of
 * system_highpri_wq, as a tasklet is, whose function runs in
 * hard-interrupt context (the kernel raises it on the queuing CPU, in
 * the interrupt of a self-IPI or the next tick): interrupts off,
 * in_hardirq(), sleeping is misuse, and a spinlock it takes that a
 * thread holds with interrupts enabled is a deadlock, as on the queuing
 * CPU of a holder that queued it (ext_irq.c).  Run with interrupts on
 * as a plain atomic section, a lock shared with a hard interrupt handler
 * taken plainly in the callback was a false deadlock, and a holder that
 * queued the work under its lock was verified (a probe).  PREEMPT_RT's
 * threaded irq_work is not modelled. */
struct irq_work {
	struct weft_work work;
	void (*func)(struct irq_work *);
};
static inline void weft_kx_irq_work_run(struct weft_work *w)
{
	struct irq_work *iw = container_of(w, struct irq_work, work);
	unsigned long was;

	weft_kx_atomic(1, "irq_work", WEFT_HERE);
	was = weft_kx_hardirq_enter();
	iw->func(iw);
	weft_kx_hardirq_leave(was);
	weft_kx_atomic(-1, "irq_work", WEFT_HERE);
}
#define IRQ_WORK_INIT(f)                                                      \
	{ .work = WEFT_WORK_INIT(weft_kx_irq_work_run, #f), .func = (f) }
#define IRQ_WORK_INIT_LAZY(f) IRQ_WORK_INIT(f)
#define IRQ_WORK_INIT_HARD(f) IRQ_WORK_INIT(f)
#define DEFINE_IRQ_WORK(name, f) struct irq_work name = IRQ_WORK_INIT(f)
#define init_irq_work(w, f)                                                   \
	do {                                                                  \
		weft_work_init(&(w)->work, weft_kx_irq_work_run, #f, WEFT_HERE); \
		(w)->func = (f);                                              \
	} while (0)
/* A function, so that a caller may ignore the result as kernel code does. */
static inline bool weft_kx_irq_work_queue(struct irq_work *w,
					  const struct weft_loc *loc)
{
	return weft_work_queue(&weft_system_highpri_wq, &w->work, loc);
}
#define irq_work_queue(w) weft_kx_irq_work_queue((w), WEFT_HERE)
#define irq_work_queue_on(w, cpu) weft_kx_irq_work_queue((w), WEFT_HERE)
#define irq_work_sync(w) ((void)weft_work_flush(&(w)->work, WEFT_HERE))
#define irq_work_is_pending(w) ((bool)weft_work_pending(&(w)->work, WEFT_HERE))

#endif
