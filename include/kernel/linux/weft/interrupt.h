/* linux/weft/interrupt.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  Tasklets as atomic work
 * items; hard interrupts (request_irq and its handlers) are not
 * modelled and do not compile. */
#ifndef WEFT_KERNEL_LINUX_WEFT_INTERRUPT_H
#define WEFT_KERNEL_LINUX_WEFT_INTERRUPT_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* ---- linux/interrupt.h: tasklets (interrupts are not modelled) ----------
 *
 * A tasklet runs its function in atomic context, never twice at once,
 * once per tasklet_schedule that found it not scheduled; here it is a work
 * item of system_highpri_wq whose function is an atomic section.
 * tasklet_kill waits until a scheduled tasklet has run.  Hard interrupts
 * (request_irq and its handlers) are not modelled. */
struct tasklet_struct {
	struct weft_work work;
	void (*func)(unsigned long);
	unsigned long data;
	void (*callback)(struct tasklet_struct *);
	bool use_callback;
};
static inline void weft_kx_tasklet_run(struct weft_work *w)
{
	struct tasklet_struct *t = container_of(w, struct tasklet_struct, work);

	weft_kx_atomic(1, "tasklet", WEFT_HERE);
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
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
	((void)weft_work_queue(&weft_system_highpri_wq, &(t)->work, WEFT_HERE))
#define tasklet_hi_schedule(t) tasklet_schedule(t)
#define tasklet_kill(t) ((void)weft_work_flush(&(t)->work, WEFT_HERE))
WEFT_KX_UNMODELLED("tasklet_disable/tasklet_enable")
void weft_kx_tasklet_disable(void);
#define tasklet_disable(t) weft_kx_tasklet_disable()
#define tasklet_disable_nosync(t) weft_kx_tasklet_disable()
#define tasklet_enable(t) weft_kx_tasklet_disable()
#define tasklet_unlock_wait(t) weft_kx_tasklet_disable()

typedef int irqreturn_t;
#define IRQ_NONE 0
#define IRQ_HANDLED 1
#define IRQ_WAKE_THREAD 2
#define IRQF_SHARED 0x80u
#define IRQF_ONESHOT 0x2000u
#define IRQF_TRIGGER_NONE 0u
typedef irqreturn_t (*irq_handler_t)(int, void *);
WEFT_KX_UNMODELLED("hard interrupts (request_irq and interrupt handlers)")
int weft_kx_request_irq(void);
#define request_irq(irq, h, flags, name, dev) weft_kx_request_irq()
#define request_threaded_irq(irq, h, th, flags, name, dev) weft_kx_request_irq()
#define devm_request_irq(d, irq, h, flags, name, dev) weft_kx_request_irq()
#define devm_request_threaded_irq(d, irq, h, th, fl, name, dev) weft_kx_request_irq()
#define free_irq(irq, dev) weft_kx_request_irq()
#define disable_irq(irq) weft_kx_request_irq()
#define disable_irq_nosync(irq) weft_kx_request_irq()
#define enable_irq(irq) weft_kx_request_irq()
#define synchronize_irq(irq) weft_kx_request_irq()

#endif
