/* linux/weft_ext.h - the models behind the kernel header tree that
 * <weft/linux.h> does not have (src/linux/ext_*.c), under weft's own
 * names.  Kernel code never includes this; the kernel headers in
 * include/kernel/linux/ map onto it.  Plain C: it defines no kernel name,
 * so the model sources include it too. */
#ifndef WEFT_KERNEL_EXT_H
#define WEFT_KERNEL_EXT_H

#include <weft/loc.h>
#include <weft/ktime.h>
#include <weft/kthread.h>
#include <weft/sem.h>
#include <weft/workqueue.h>

/* ---- timers whose handler runs late, on a CPU of its own ---------------
 *
 * The kernel runs an expired timer's handler from the timer softirq of the
 * CPU it was armed on, some time after the expiry: other CPUs go on, and
 * a thread that slept past the expiry may well run before the handler has
 * finished (or started).  A weft_xtimer's deadline is an event on weft's
 * virtual clock that only marks the timer expired; the handler then runs
 * in a thread of its own ("timer/NAME"), whenever the explorer lets it.
 * An expired timer whose handler has not started is still pending, as in
 * the kernel (it is still on the wheel): del_timer removes it and returns
 * 1.  Once the handler has started, del_timer returns 0 without waiting
 * for it; del_timer_sync waits.  The handler runs in atomic context and
 * holds a lock-order class of its own while it runs, so del_timer_sync
 * under a lock the handler takes is a lock-order cycle.  A timer that
 * re-arms itself from its handler WEFT_TIMER_REFIRE_BOUND times in a row
 * fires again only while another deadline needs time to pass its expiry
 * (a sleep, a timed wait), then stays pending without holding time back.
 * A timer still pending when the test ends is reported as a leak, one
 * freed while pending as use-after-free when it would have fired. */
struct weft_xtimer {
	struct weft_kevent ev;     /* on the virtual clock while armed */
	void (*fn)(struct weft_xtimer *);   /* timer_list callback */
	int (*rfn)(struct weft_xtimer *);   /* hrtimer: 1 = restart */
	const char *name;
	unsigned int flags;
	unsigned long expires;     /* jiffies: add_timer arms at this */
	unsigned char queued;      /* expired, handler not started */
	unsigned char shutdown;    /* timer_shutdown: re-arming is ignored */
	int running;               /* thread id + 1 running the handler */
	int thread;                /* its handler thread's id + 1 */
	int cls;                   /* lock-order class + 1 of "handler runs" */
	const struct weft_loc *init, *armed_at;
	int cpu_plus1;             /* add_timer_on's CPU + 1 (0: any): its
				      handler runs there */
	unsigned char migrated;    /* moved to another CPU's base by its
				      running handler: del_timer_sync does
				      not wait for that run (ext_timer.c) */
	int alt;                   /* the other handler thread's id + 1: a
				      run on another CPU may overlap one
				      still running (ext_timer.c) */
};

/* A flag of weft_xtimer_init: the handler runs in hard-interrupt context
 * (interrupts off, in_hardirq(); a spinlock it takes that a thread holds
 * with interrupts enabled is a deadlock), as an hrtimer's does unless its
 * mode is _SOFT. */
#define WEFT_XTIMER_HARDIRQ 0x80000000u
/* timer_setup's TIMER_IRQSAFE: the callback runs with interrupts off, so
 * del_timer_sync may wait for it from hard-interrupt context. */
#define WEFT_XTIMER_IRQSAFE 0x00400000u
/* timer_setup's TIMER_PINNED: mod_timer queues the timer on the calling
 * CPU and it is never moved to another. */
#define WEFT_XTIMER_PINNED 0x00200000u

/* Not a scheduling point. */
void weft_xtimer_init(struct weft_xtimer *t, void (*fn)(struct weft_xtimer *),
		      int (*rfn)(struct weft_xtimer *), unsigned int flags,
		      const char *name, const struct weft_loc *loc);
/* Arm (or re-arm) t to expire at `expires` jiffies.  Returns 1 when it
 * was pending.  pending_only 1: only modify a pending timer
 * (mod_timer_pending); 2: t must not be pending (add_timer, whose kernel
 * warns and leaves a pending timer as it is: a misuse); reduce: only
 * move an earlier expiry (timer_reduce).  Never blocks. */
/* add_timer_on: arm t at t->expires on CPU cpu (nr: WEFT_NR_CPUS).  From
 * t's own handler, to a CPU other than the handler's, the kernel moves
 * the running timer to the new base at once: a del_timer_sync then finds
 * it not running there and returns while the handler runs on (its
 * kernel-doc: the handler must not call add_timer_on).  A scheduling
 * point; orders as mod_timer. */
int weft_xtimer_mod_on(struct weft_xtimer *t, int cpu, int nr,
		       const struct weft_loc *loc);
int weft_xtimer_mod(struct weft_xtimer *t, unsigned long expires,
		    int pending_only, int reduce, const struct weft_loc *loc);
/* Deactivate t; 1 when it was pending.  mode 0: del_timer (never
 * waits); 1: del_timer_sync (waits for a running handler; misuse from the
 * handler itself); 2: try_to_del_timer_sync (returns -1 when the handler
 * runs); shutdown: later arming is ignored (timer_shutdown). */
int weft_xtimer_del(struct weft_xtimer *t, int mode, int shutdown,
		    const struct weft_loc *loc);
/* Whether t is pending / its handler is running.  Scheduling points that
 * read. */
int weft_xtimer_pending(struct weft_xtimer *t, const struct weft_loc *loc);
int weft_xtimer_running(struct weft_xtimer *t, const struct weft_loc *loc);
/* hrtimer_forward's check: t must not be queued (the kernel warns:
 * reported as a misuse).  A scheduling point that reads. */
void weft_xtimer_forward_check(struct weft_xtimer *t,
			       const struct weft_loc *loc);
/* Whether t is pending or its handler is running, in one step (a
 * scheduling point that reads). */
int weft_xtimer_active(struct weft_xtimer *t, const struct weft_loc *loc);

/* ---- tasks: current, task states, schedule, wake_up_process ----------- */

/* The calling thread's task: its kthread, or a task made for the thread
 * (lives for the execution).  Not a scheduling point. */
struct weft_ktask *weft_kx_current(void);
/* A small positive number per thread (pid).  Not a scheduling point. */
int weft_kx_pid(const struct weft_ktask *t);
/* set_current_state: a scheduling point that writes the caller's state. */
void weft_kx_set_state(int state, const struct weft_loc *loc);
/* schedule() / schedule_timeout(): when the caller's state is not
 * TASK_RUNNING, sleep until wake_up_process() sets it running again (or
 * `timeout` jiffies of virtual time passed; timeout < 0: no timeout);
 * a wake-up that came first is not lost.  Returns the jiffies left (0 when
 * the timeout expired).  Sleeps: misuse in atomic context. */
long weft_kx_schedule(long timeout, const char *what,
		      const struct weft_loc *loc);
/* cond_resched(): a voluntary preemption point, where the kernel runs
 * another task that needs the CPU; a loop of it polls, and yields as
 * sched_yield() does.  Returns 0.  Sleeps (misuse in atomic context);
 * orders nothing. */
int weft_kx_cond_resched(const struct weft_loc *loc);
/* Set t running; 1 when it was not.  Never blocks; everything the caller
 * did happens before t's return from schedule(). */
int weft_kx_wake_up_process(struct weft_ktask *t, const struct weft_loc *loc);
/* signal_pending(t): whether a signal is pending for t: a kthread_stop
 * of it (TIF_NOTIFY_SIGNAL, Linux 6.1 on), or, in a thread of the test's
 * own, a user's signal that came while it slept interruptibly (pending
 * until its next interruptible wait begins).  A scheduling point that
 * reads t's state. */
int weft_kx_signal_pending(struct weft_ktask *t, const struct weft_loc *loc);
/* down_interruptible(s): take a count of s, or return -EINTR when a
 * signal is pending for the caller (a kthread_stop of it, or a user's
 * signal to a thread of the test's own) and the count is 0, at the call
 * or while it waits.  May block; sleeps (misuse in atomic context); a count taken
 * orders the up() that gave it before the return, as down() does. */
int weft_kx_down_intr(weft_sem_t *s, const char *what,
		      const struct weft_loc *loc);
/* wake_up_state(): the same, but only when t's state has one of the bits
 * of states (a TASK_UNINTERRUPTIBLE sleeper stays asleep at a
 * wake_up_state(t, TASK_INTERRUPTIBLE)); 1 when it woke t. */
int weft_kx_wake_up_state(struct weft_ktask *t, unsigned int states,
			  const struct weft_loc *loc);

/* ---- atomic sections: preempt_disable, local_irq_*, local_bh_*, tasklets
 *
 * delta +1 enters and -1 leaves a section in which sleeping is misuse
 * (what names it in messages: "preempt_disable").  Interrupts are no
 * such section but a state (weft_kx_irqs_off below), which sleeping also
 * checks.  Not a scheduling point, but for leaving
 * the last context that is an RCU reader after an rcu_dereference in it
 * (its implicit read section ends: src/linux/rcu_read.c). */
void weft_kx_atomic(int delta, const char *what, const struct weft_loc *loc);
/* What preempt_disable's section (and get_cpu's, local_lock's ...) is
 * called: the softirq check (src/linux/ext_softirq.c) tells it from the
 * sections that keep softirqs off by this name. */
#define WEFT_KX_PREEMPT_SECTION "preempt_disable section"
/* The caller's section depth. */
int weft_kx_atomic_depth(void);
/* Called by preempt_disable, local_bh_disable, local_irq_save and
 * local_irq_disable before they disable anything (what: their name):
 * when the region begins a context that is an RCU reader (none of
 * preemption, softirqs or interrupts off, no spinlock held, no read
 * section, no callback or handler running), a scheduling point that a
 * grace period's start depends on, so that the period is tried begun
 * before the region (src/linux/rcu_read.c); nothing otherwise.  The
 * spinlock forms (spin_lock_bh, spin_lock_irqsave) do without: the
 * lock's step is one already. */
void weft_kx_region_enter(const char *what, const struct weft_loc *loc);
/* 1 in a timer or RCU callback or a tasklet (softirq context). */
int weft_kx_in_softirq(void);

/* ---- tasklets (linux/weft/interrupt.h: works of system_highpri_wq) ----
 *
 * tasklet_kill of the tasklet whose work is w (src/linux/wq_wait.c): wait
 * until w is neither pending nor being killed by another thread, then
 * make every queueing of w do nothing while a running instance returns,
 * as the kernel's tasklet_kill holds TASKLET_STATE_SCHED meanwhile.
 * Afterwards w is neither pending nor running, and may be queued again.
 * Blocks (misuse in atomic context, as the kernel's sleeps). */
void weft_kx_tasklet_kill(struct weft_work *w, const struct weft_loc *loc);
/* tasklet_schedule: queue the tasklet's work on system_highpri_wq; one
 * scheduled with softirqs or interrupts off waits for that section's end
 * (the kernel runs it on this CPU, in softirq context).  May block as a
 * scheduling point; orders as queue_work. */
int weft_kx_tasklet_schedule(struct weft_work *w, const struct weft_loc *loc);
/* The kernel's tasklet_action clearing the RUN state of the tasklet
 * whose work is w, at *state, after its function returned: a
 * use-after-free, named for the tasklet, when the function freed it.
 * Not a scheduling point; never blocks. */
void weft_kx_tasklet_unlock(unsigned long *state, const struct weft_work *w);
/* tasklet_disable_nosync (sync 0), tasklet_disable (sync 1) and
 * tasklet_disable_in_atomic (sync 2) of the tasklet whose work is w: one
 * step that counts the disable, after which a scheduled instance stays
 * scheduled and is not started (a schedule meanwhile does nothing, as
 * TASKLET_STATE_SCHED stays set); the sync forms then wait until a
 * running instance has returned (block only then; its own tasklet
 * waiting for itself never ends).  tasklet_unlock_wait (spin 0) and
 * tasklet_unlock_spin_wait (spin 1) are that wait alone.  The kernel's
 * sleeping wait (wait_var_event, Linux 5.13 on) may sleep: misuse in
 * atomic context; the spinning ones may not. */
void weft_kx_tasklet_disable(struct weft_work *w, int sync,
			     const struct weft_loc *loc);
void weft_kx_tasklet_unlock_wait(struct weft_work *w, int spin,
				 const struct weft_loc *loc);
/* tasklet_enable: undo one disable in a step; a tasklet scheduled
 * meanwhile may run once the count is zero.  Returns true then; an enable
 * of a tasklet that is not disabled is misuse.  Never blocks. */
bool weft_kx_tasklet_enable(struct weft_work *w, const struct weft_loc *loc);

/* ---- CPUs and per-CPU data (src/linux/ext_percpu.c) --------------------
 *
 * nr is WEFT_NR_CPUS of the caller's header (<linux/weft/smp.h>).  None
 * of these is a scheduling point or blocks.  cpu_id: the caller's CPU (a
 * CPU of its own, its bound CPU, or a per-CPU worker's); with check,
 * asking from preemptible code is misuse (what names the call).
 * kthread_bind: t runs on cpu from now on.  pcpu_ptr: CPU cpu's copy of
 * the per-CPU object at p (in CPU 0's copy of a DEFINE_PER_CPU variable
 * of the section lo..hi, or in alloc_percpu memory), misuse otherwise.
 * alloc_percpu: nr zeroed copies of size bytes in the tracked heap (may
 * sleep); free_percpu frees them, a step as kfree is. */
#ifndef WEFT_NR_CPUS
#define WEFT_NR_CPUS 8
#endif
struct weft_ktask;
int weft_kx_cpu_id(int check, const char *what, int nr,
		   const struct weft_loc *loc);
/* migrate_disable (delta +1) and migrate_enable (-1): the caller's
 * depth, in which it stays on its CPU (weft_kx_cpu_id's check passes)
 * while preemptible; an enable without a disable is misuse (the kernel
 * warns).  Not a scheduling point; never blocks. */
void weft_kx_migrate(int delta, const struct weft_loc *loc);
void weft_kx_kthread_bind(struct weft_ktask *t, int cpu, int nr,
			  const struct weft_loc *loc);
/* kthread_exit: the calling kthread's function ends here with code, as
 * if it returned it (misuse outside a kthread's function).
 * complete_and_exit: complete(c) (c may be NULL), then that; the thread
 * counts as ended from the completion on (src/linux/kthread.c). */
struct weft_completion;
_Noreturn void weft_kx_kthread_exit(long code, const struct weft_loc *loc);
_Noreturn void weft_kx_kthread_complete_and_exit(struct weft_completion *c,
						 long code,
						 const struct weft_loc *loc);
/* The kernel's WARN when the last reference to a device with no release
 * callback is dropped; misuse of device_add/device_del
 * (src/linux/ext_device.c).  Neither returns. */
struct device;
_Noreturn void weft_kx_device_no_release(const struct device *dev,
					 const char *name,
					 const struct weft_loc *loc);
_Noreturn void weft_kx_device_misuse(const char *what, const char *name,
				     const struct weft_loc *loc);
void *weft_kx_pcpu_ptr(const void *p, int cpu, const char *lo,
		       const char *hi, int nr, const struct weft_loc *loc);
void *weft_kx_alloc_percpu(size_t size, size_t align, int nr,
			   const struct weft_loc *loc);
void weft_kx_free_percpu(void *p, const struct weft_loc *loc);

/* ---- srcu_down_read/srcu_up_read (src/linux/srcu_updown.c) -------------
 *
 * A read section of domain d that another task may end: down_read
 * returns the index up_read takes back.  Steps on d that never block. */
struct weft_rcu_domain;
int weft_kx_srcu_down_read(struct weft_rcu_domain *d,
			   const struct weft_loc *loc);
void weft_kx_srcu_up_read(struct weft_rcu_domain *d, int idx,
			  const struct weft_loc *loc);

/* ---- work introspection (src/linux/ext_wq.c) ---------------------------
 *
 * work_busy: WEFT_KX_WORK_BUSY_PENDING while w is queued (or its delay
 * timer armed), _RUNNING while a worker runs it, in a step that reads the
 * queues; never blocks.  current_work: the work whose function the caller
 * runs, or NULL; no step. */
#define WEFT_KX_WORK_BUSY_PENDING 1u
#define WEFT_KX_WORK_BUSY_RUNNING 2u
unsigned int weft_kx_work_busy(struct weft_work *w, const struct weft_loc *loc);
struct weft_work *weft_kx_current_work(void);

/* ---- rcu_work (src/linux/ext_wq.c) -------------------------------------
 *
 * queue_rcu_work sets w pending at once, as the kernel's does, and its
 * call_rcu callback puts it on a queue after the grace period: claim is
 * the first half (0 when w was pending already; a disabled w is misuse,
 * which the kernel warns about), in a step on the queues' state, and
 * makes the worker that will run it; insert the second, in the
 * callback, also a step.  While w waits for its grace
 * period, flush_work does not wait for it (it is on no queue), and a
 * cancel waits until the callback queued it, as the kernel's
 * work_grab_pending retries.  Neither blocks. */
int weft_kx_rcu_work_claim(struct weft_wq *wq, struct weft_work *w,
			   const struct weft_loc *loc);
void weft_kx_rcu_work_insert(struct weft_wq *wq, struct weft_work *w,
			     const struct weft_loc *loc);

/* ---- hard interrupts (src/linux/ext_irq.c) -----------------------------
 *
 * A requested line's handler runs in a daemon thread of its own,
 * "irq/N-NAME", in hard-interrupt context, once per weft_raise_irq() that
 * found the line not pending: concurrently with process context, as on
 * another CPU.  A handler that spins on a spinlock another thread holds
 * with interrupts enabled is a deadlock (the interrupt may arrive on that
 * thread's CPU).  handler NULL: only thread_fn, in process context. */
#define WEFT_KX_IRQF_SHARED 0x80u
int weft_kx_request_irq(unsigned int irq, int (*handler)(int, void *),
			int (*thread_fn)(int, void *), unsigned long flags,
			const char *name, void *dev, int devm,
			const struct weft_loc *loc);
/* Waits for a running handler; returns the name given to request_irq. */
const void *weft_kx_free_irq(unsigned int irq, void *dev,
			     const struct weft_loc *loc);
void weft_kx_synchronize_irq(unsigned int irq, const struct weft_loc *loc);
/* sync: wait for a running handler (disable_irq; 0: disable_irq_nosync). */
void weft_kx_disable_irq(unsigned int irq, int sync,
			 const struct weft_loc *loc);
void weft_kx_enable_irq(unsigned int irq, const struct weft_loc *loc);
/* The device model's side: interrupt line irq fires (a scheduling point
 * that never blocks; the handler runs later, in its own thread). */
void weft_raise_irq_at(unsigned int irq, const struct weft_loc *loc);
#define weft_raise_irq(irq) weft_raise_irq_at((irq), WEFT_HERE)
/* delta +1 disables interrupts on the caller's CPU, -1 enables them.
 * As in the kernel the state is no count: local_irq_enable and
 * spin_unlock_irq enable interrupts whatever disabled them, and only
 * the _irqsave forms nest, through the flags weft_kx_irq_save returns
 * (the state before, interrupts now disabled) and weft_kx_irq_restore
 * puts back.  Not scheduling points, but for leaving
 * the last context that is an RCU reader after an rcu_dereference in it
 * (its implicit read section ends: src/linux/rcu_read.c). */
void weft_kx_irqs_off(int delta);
unsigned long weft_kx_irq_save(void);
void weft_kx_irq_restore(unsigned long flags);
int weft_kx_irqs_disabled(void);
int weft_kx_in_hardirq(void);
/* The caller runs a function in hard-interrupt context from here to the
 * leave (an irq_work's): interrupts off and in_hardirq(); the leave puts
 * back what the enter returned.  A spinlock it takes that another thread
 * holds with interrupts enabled is a deadlock (ext_irq.c).  Not
 * scheduling points. */
unsigned long weft_kx_hardirq_enter(void);
void weft_kx_hardirq_leave(unsigned long was);

/* Bit spinlocks (src/linux/ext_bitlock.c): the caller took (on 1) or
 * releases (on 0) bit `bit` of the word at a as a lock; the caller is
 * about to spin on it, taken by another: in hard-interrupt context, a
 * deadlock when its holder has interrupts enabled, in softirq context
 * when it has softirqs enabled.  Not scheduling points. */
void weft_kx_bit_held(int bit, const volatile void *a, int on,
		      const struct weft_loc *loc);
void weft_kx_bit_spin(int bit, const volatile void *a,
		      const struct weft_loc *loc);

/* ---- bottom halves (src/linux/ext_softirq.c) ---------------------------
 *
 * delta +1 disables softirqs on the caller's CPU (local_bh_disable,
 * spin_lock_bh), -1 enables them (never below 0).  A program built on this
 * header tree says that it keeps count (weft_kx_bh_counted, from a
 * constructor in linux/weft/spinlock.h); then a softirq (a timer callback,
 * a tasklet) that spins on a spinlock another thread holds with softirqs
 * and interrupts enabled is a deadlock, lockdep's {SOFTIRQ-ON-W} ->
 * {IN-SOFTIRQ-W}.  Not scheduling points, but for leaving
 * the last context that is an RCU reader after an rcu_dereference in it
 * (its implicit read section ends: src/linux/rcu_read.c). */
void weft_kx_bh_off(int delta);
void weft_kx_bh_counted(void);
/* 1 while the caller has softirqs disabled (not a scheduling point). */
int weft_kx_bh_disabled(void);

/* ---- bit and variable wait queues (src/linux/ext_wait_bit.c) ----------
 *
 * The wait queue that waiters on bit `bit` of *word sleep on (bit -1: on
 * the variable at word, wait_var_event), one of a fixed table shared by
 * hash as in the kernel.  Not a scheduling point; never blocks. */
struct weft_waitq;
struct weft_waitq *weft_xbit_waitq(const volatile void *word, int bit);

/* ---- memory ------------------------------------------------------------ */

/* krealloc: a new block with the old contents (up to n bytes); the old
 * block is freed.  p may be NULL.  Not a scheduling point. */
void *weft_kx_krealloc(const void *p, size_t n, unsigned int gfp,
		       const struct weft_loc *loc);

/* ---- FreeBSD taskqueue(9) over weft's workqueues ---------------------- */

struct weft_bsd_task {
	struct weft_work work;
	void (*func)(void *context, int pending);
	void *context;
	int pending;               /* enqueues since the last run */
	unsigned short priority;
};
struct weft_bsd_taskqueue {
	struct weft_wq *wq;
	const char *name;
	int started;
};
void weft_bsd_task_init(struct weft_bsd_task *t, int priority,
			void (*func)(void *, int), void *context,
			const char *name, const struct weft_loc *loc);
struct weft_bsd_taskqueue *weft_bsd_taskqueue_create(const char *name,
						      const struct weft_loc *loc);
/* taskqueue_thread: the system queue, one thread, made at first use in
 * an execution.  Never blocks. */
struct weft_bsd_taskqueue *weft_bsd_system_taskqueue(void);
/* Run the queue's tasks in n threads (1: one at a time, in priority
 * order and, within a priority, in enqueueing order). */
int weft_bsd_taskqueue_start_threads(struct weft_bsd_taskqueue *tq, int n,
				     const struct weft_loc *loc);
void weft_bsd_taskqueue_free(struct weft_bsd_taskqueue *tq,
			     const struct weft_loc *loc);
int weft_bsd_taskqueue_enqueue(struct weft_bsd_taskqueue *tq,
			       struct weft_bsd_task *t,
			       const struct weft_loc *loc);
/* Wait until t is neither pending nor running. */
void weft_bsd_taskqueue_drain(struct weft_bsd_taskqueue *tq,
			      struct weft_bsd_task *t,
			      const struct weft_loc *loc);
void weft_bsd_taskqueue_drain_all(struct weft_bsd_taskqueue *tq,
				  const struct weft_loc *loc);
/* Remove a pending t: 0, or EBUSY when it is running; *pendp gets the
 * number of enqueues it had. */
int weft_bsd_taskqueue_cancel(struct weft_bsd_taskqueue *tq,
			      struct weft_bsd_task *t, unsigned int *pendp,
			      const struct weft_loc *loc);

#endif
