/* src/linux/lx.h - state shared by the Linux models (private to src/linux).
 *
 * Per-thread kernel context lives in one array indexed by weft thread id:
 * spinlocks held, RCU read-section depth, atomic (callback) context, the
 * work a worker is running, and the locks taken in the current context for
 * the completion dependencies.  All of it is reset by the begin hook, so
 * nothing depends on whether weft's statics are restored between
 * executions. */
#ifndef WEFT_LINUX_LX_H
#define WEFT_LINUX_LX_H

#include <string.h>

#include "internal.h"
#include <weft/klock.h>
#include <weft/completion.h>
#include <weft/ktime.h>
#include <weft/workqueue.h>
#include <weft/rcu.h>
#include <weft/kcontext.h>
#include <weft/kwait.h>

/* The kernel's ERESTARTSYS (not in libc's errno.h): an interruptible
 * wait ended by a pending signal returns its negative. */
#define LX_ERESTARTSYS 512

#define LX_MAX_RCU_PTRS 16
#define LX_MAX_RCU_DOMS 8
#define LX_MAX_CTX_ACQ 16

struct weft__lx_thread {
	/* spinning kernel locks held (the locks themselves are in the
	 * kit's held-lock set: weft__lx_held) */
	int spin_depth;
	/* RCU: the classic domain's read section (atomic context) */
	int rcu_depth;
	unsigned long rcu_stamp;        /* when the outermost section began */
	const struct weft_loc *rcu_loc;
	int rcu_late;                   /* it began while a grace period was
					   awaited (rcu_read.c) */
	int rcu_cpu;                    /* an RCU callback thread's CPU tag
					   + 1, else 0 (rcu_cb.c) */
	/* the counts of the arrays at the end */
	int nrsec;
	int nrcu_ptr;
	int nctx;
	/* atomic context: a timer or RCU callback, named for messages */
	const char *atomic_what;        /* "timer callback", a literal */
	const char *atomic_name;        /* the callback's name */
	/* classes held by the context's runner itself (the work and queue
	 * of a worker, a timer's class), left out of completion edges */
	int skip_cls[2];
	/* worker state */
	struct weft_wq *wq;
	struct weft_work *work;
	/* the timer event whose callback runs here, or that queued the
	 * work running here (weft_work.cause): what it arms again is a
	 * re-arm of its own (ktime.c) */
	const void *cause;
	/* sleeping and timed waits */
	struct weft_kevent sleep_ev;
	unsigned long seen_jiffies;     /* jiffies less lone ticks, at its
					   last read (ktime.c) */
	const void *tw_obj;             /* completion of a timed wait */
	unsigned long tw_gen;
	int tw_fired;
	/* kthread */
	void *task;
	/* the wait_event in progress (its waiter is on the thread's stack) */
	struct weft_waiter *waiter;
	/* the open-coded wait's entry (waitq_open.c): the queue it is on,
	 * or NULL; its place among the exclusive ones; whether a wake-up
	 * leaves it on; the thread it was put on by (a record can be
	 * reused by a later thread) */
	struct weft_waitq *ow_q;
	unsigned long ow_seq;
	int ow_excl, ow_keep;
	int ow_woken;                   /* WQ_FLAG_WOKEN of a woken_wake_
					   function entry (wait_woken) */
	uint64_t ow_serial;
	/* interrupts (ext_irq.c): disabled-section depth (local_irq_save,
	 * spin_lock_irqsave ...), and whether a hard handler runs */
	int irqs_off;
	int hardirq;
	/* the call that enabled interrupts again while it held kernel
	 * locks (spin_unlock_irq or local_irq_enable inside
	 * spin_lock_irqsave), for the deadlock's explanation: its return
	 * address (its place is looked up only for a report), and the locks
	 * it held then, each with the place it had taken it (an acquisition
	 * of the same lock after the enable is another); none (0) once
	 * interrupts are off again */
	uintptr_t irqs_on_pc;
	int irqs_on_n;
	const struct weft_klock *irqs_on_lock[4];
	const struct weft_loc *irqs_on_taken[4];
	int bh_off;                     /* softirq-disabled depth (ext_softirq.c) */
	int migrate_off;                /* migrate_disable depth (ext_percpu.c) */
	/* its own clock entry at the end of its last context that was a
	 * reader without rcu_read_lock and opened no section: the next
	 * grace period's start is ordered after it (rcu_read.c) */
	uint32_t region_end;
	/* the timer handler's timer was moved to another CPU by
	 * add_timer_on in this run (ext_timer.c): kept here, since the
	 * handler may free the timer */
	bool timer_moved;
	/* an implicit read section of the classic domain is open: one that
	 * an rcu_dereference in a context that is a reader without
	 * rcu_read_lock began (rcu_read.c) */
	int rcu_implicit;
	/* the grace period the thread waits for in synchronize_rcu (or an
	 * SRCU domain's): its domain and stamp, NULL when it waits for none
	 * (rcu.c; a reader's unlock asks, rcu_read.c) */
	const struct weft_rcu_domain *gp_domain;
	unsigned long gp_stamp;
	/* The arrays come last: each is read only below its count, so the
	 * begin hook clears the fields before them alone (the arrays are
	 * four fifths of the record; clearing them whole was 8% of the
	 * kernel benchmark's instructions). */
	/* the sections of other domains (SRCU) the thread is inside */
	struct weft__lx_rsec {
		const struct weft_rcu_domain *d;
		int depth, late;
		unsigned long stamp;
		const struct weft_loc *loc;
	} rsec[LX_MAX_RCU_DOMS];
	/* pointers obtained inside read sections, with their domains */
	const void *rcu_ptr[LX_MAX_RCU_PTRS];
	const struct weft_loc *rcu_ptr_loc[LX_MAX_RCU_PTRS];
	const struct weft_rcu_domain *rcu_ptr_dom[LX_MAX_RCU_PTRS];
	/* classes acquired in the current context (thread, work, callback) */
	int ctx_cls[LX_MAX_CTX_ACQ];
	const struct weft_loc *ctx_loc[LX_MAX_CTX_ACQ];
};

extern struct weft__lx_thread weft__lx_th[WEFT__MAX_THREADS];

/* Threads whose weft__lx_th entry may have been written this execution: the
 * begin hook clears only those (most tests use no kernel model). */
extern int weft__lx_th_dirty;

static inline struct weft__lx_thread *weft__lx_me(void)
{
	int id = weft__self();

	if (id < 0)
		id = 0;
	if (id >= weft__lx_th_dirty)
		weft__lx_th_dirty = id + 1;
	return &weft__lx_th[id];
}

/* What still uses work w (a description), or NULL: for a work in a
 * stack frame that returns (weft__frame_obj_init). */
const char *weft__lx_work_busy(const void *w);
/* The kinds of the objects whose uses after their frame returned are
 * checked (weft__frame_obj_check): their addresses are the tags. */
extern const char weft__lx_completion_kind, weft__lx_waitq_kind;

/* Whether p lies in memory weft starts clean at every execution (the
 * tracked heap, the program's static data), where an object's bytes
 * can tell that it was set up before: a stack's are whatever earlier
 * frames left there. */
static inline bool weft__lx_known_mem(const void *p)
{
	return weft__is_tracked(p) || weft__in_static_data(p);
}

/* The caller initialises obj (n bytes; what: the init's name, mutex_init
 * ...; pc: the program's call, a return address): once other threads
 * exist, a write step on obj, after a plain store of its bytes for the
 * race detector (obj_init.c).  true when it was a step: the caller then
 * checks that no other thread is using the object.  May block (a
 * scheduling point). */
bool weft__lx_init_step(const char *what, const void *obj, size_t n,
			const char *objname, uintptr_t pc,
			const struct weft_loc *loc);

/* Set wait queue q up, as init_waitqueue_head without its step and
 * checks: for weft's own queues (waitq.c). */
void weft__lx_waitq_setup(struct weft_waitq *q, const char *name,
			  const struct weft_loc *loc);
/* A step on q, told to the race detector (waitq.c). */
void weft__lx_waitq_stepped(struct weft_waitq *q, const struct weft_loc *loc);

/* Names for messages. */
/* Appends to buf, a blocked waiter's description, who would complete
 * (family "complete") or wake ("wake_up") the noun (completion, wait
 * queue) named name it waits for, and names that edge for the deadlock
 * report's cycle (src/linux/waker.c).  Only while a report describes the
 * waiter (weft__wait_described). */
void weft__lx_waker(const char *family, const char *noun, const char *name,
		    char *buf, size_t n);
const char *weft__lx_tname(int tid);
const char *weft__lx_site(const struct weft_loc *loc);

/* Record class cls (acquired at loc) in the caller's current context. */
void weft__lx_ctx_acquired(int cls, const struct weft_loc *loc);
/* An event of class ev_cls (complete, wake_up) by the caller: add the
 * DEPT-style edges from it to the locks taken in the current context. */
void weft__lx_event_edges(int ev_cls, const struct weft_loc *loc);
/* Save / reset / restore the per-context records around a callback or a
 * work function, which is a context of its own. */
struct weft__lx_ctx_save {
	int nctx;
	const char *atomic_what, *atomic_name;
	int skip_cls[2];
};
void weft__lx_ctx_enter(struct weft__lx_ctx_save *s, const char *atomic_what,
		  const char *atomic_name, int skip0, int skip1);
void weft__lx_ctx_leave(const struct weft__lx_ctx_save *s);

/* The depths a callback (a work, a timer's handler) must give back as it
 * found them: softirqs and interrupts disabled, atomic sections
 * (preempt_disable, get_cpu).  Saved before the callback; checked after
 * it, where a difference is misuse, as the kernel's own checks report
 * ("BUG: workqueue leaked atomic, lock or RCU", the timer's "preempt
 * leak").  what and name say whose, says what the kernel prints; loc is
 * its place. */
struct weft__lx_depths {
	int bh, irqs, atomic;
};
void weft__lx_depths_save(struct weft__lx_depths *d);
void weft__lx_depths_check(const struct weft__lx_depths *d, const char *what,
			   const char *name, const char *says,
			   const struct weft_loc *loc);

/* A step named step that reads who holds l, then a thread other than
 * the caller holding l (for writing, when shared) with exposed(t) true,
 * or -1 (ext_irq.c): the holder an interrupt or a softirq could run on
 * top of.  Blocks only as a scheduling point does. */
int weft__lx_exposed_holder(const char *step, const struct weft_klock *l,
			    const char *lock_name, bool shared,
			    bool (*exposed)(int t, const struct weft_klock *l),
			    const struct weft_loc *loc);
/* Where thread t turned interrupts on again while holding l, taken
 * before with them off (ext_irq.c), or NULL.  Does not block. */
const struct weft_loc *weft__lx_irqs_reenabled_at(int t,
						 const struct weft_klock *l);
/* A spinning lock's acquisition in interrupt context: a hard interrupt
 * handler or a softirq (ext_softirq.c) that spins on l while a thread
 * holds it with them enabled is a deadlock on that thread's CPU. */
void weft__lx_ctx_check_spin(const struct weft_klock *l, const char *lock_name,
			     bool shared, const struct weft_loc *loc);
/* A tasklet runs on the CPU that scheduled it, in softirq context, which
 * that CPU does not enter while softirqs or interrupts are off there
 * (ext_softirq.c).  weft runs softirqs as on a CPU of their own: a tasklet
 * scheduled in such a section of process context waits for its end.
 * The scheduler's thread id + 1 for the tasklet's bh_holder, or 0. */
int weft__lx_softirq_holder(void);
/* queue_work_on(wq, w, cpu) of a tasklet that waits for holder's section
 * (0: none); see weft_work_queue_on. */
int weft__lx_work_queue_held(struct weft_wq *wq, struct weft_work *w,
			     int cpu, int holder, const struct weft_loc *loc);
/* The calling thread runs on CPU cpu from now on (its smp_processor_id),
 * or, with -1, on a CPU of its own again (ext_percpu.c): a timer's
 * handler on add_timer_on's CPU. */
void weft__lx_cpu_bind_self(int cpu);
/* The CPU the calling thread is known to run on (bound, a per-CPU
 * worker's, or the one it was given when it asked), or -1: a thread that
 * never asked has none yet (ext_percpu.c). */
int weft__lx_cpu_known(void);
/* The CPU thread tid is known to run on, as weft__lx_cpu_known for the
 * calling thread, or -1. */
int weft__lx_cpu_of(int tid);
/* A timer pinned to a CPU (add_timer_on, TIMER_PINNED) runs its handler
 * in softirq context on that CPU, which does not enter it while a thread
 * there has softirqs or interrupts off: whether a live thread other than
 * except, known to run on cpu, has them off (interrupts alone for a
 * handler of hard-interrupt context, hardirq), so that the handler waits
 * (ext_softirq.c).  Does not block. */
bool weft__lx_cpu_softirqs_held(int cpu, bool hardirq, int except);
/* The thread held in such a section on cpu (as above), or -1. */
int weft__lx_cpu_softirqs_holder(int cpu, bool hardirq, int except);
/* The calling thread starts keeping softirqs off CPU cpu (it opens a
 * section there, or learns inside one that it runs there; what names
 * the call): with a timer pinned to cpu pending, a step on the domain
 * object, which its handler's start writes, before the change, so that
 * the order with the handler first is explored.  A scheduling point
 * then. */
void weft__lx_softirq_hold(const char *what, int cpu, uintptr_t pc);
/* Whether a timer pinned to cpu is armed or has fired and waits for its
 * handler (ext_timer_end.c).  Does not block. */
bool weft__lx_xtimer_pinned_pending(int cpu);
/* Whether thread t (a holder) is still in that section. */
bool weft__lx_softirq_held(int t);
/* Softirqs or interrupts on again (the step's name), bh and irqs the
 * thread's new depths: when a tasklet waits for the section, a step that
 * lets it start, before the new depths are set. */
void weft__lx_softirq_reopen(const char *name, int bh, int irqs,
			     uintptr_t pc);

/* Whether a timer's handler has fired and waits to run, and another
 * thread could run it now (ext_timer.c).  Does not block. */
bool weft__lx_xtimer_handler_due(void);
/* Whether the line whose hard handler the calling thread runs has been
 * disabled (disable_irq, disable_irq_nosync) since before step (a step
 * count, weft__step_no), so that its interrupt arrived before then
 * (ext_irq.c).  False outside a hard handler.  Does not block. */
bool weft__lx_irq_masked_before(long step);
/* Called by a hard interrupt handler about to spin on l (ext_irq.c): a
 * deadlock when another thread holds l with interrupts enabled. */
void weft__lx_irq_check_spin(const struct weft_klock *l, const char *lock_name,
		       bool shared, const struct weft_loc *loc);
/* The deadlock the check above reports, for a lock of another kind too
 * (a bit spinlock, ext_bitlock.c): the calling hard interrupt handler
 * spins on lock_name, which thread t holds with interrupts enabled.
 * Does not return. */
_Noreturn void weft__lx_irq_spin_deadlock(const char *lock_name, int t,
					  const struct weft_loc *loc);
/* Whether thread t, holding something a softirq is about to spin on,
 * holds it with softirqs enabled (not in a section with softirqs or
 * interrupts off, nor in softirq or hard-interrupt context), in a
 * program whose sections are counted (ext_softirq.c).  Does not block. */
bool weft__lx_softirq_exposed(int t);
/* The deadlock of a softirq (the calling thread) spinning on lock_name,
 * which thread t holds with softirqs enabled, for a lock of another kind
 * too (a bit spinlock).  Does not return. */
_Noreturn void weft__lx_softirq_spin_deadlock(const char *lock_name, int t,
					      const struct weft_loc *loc);

/* Spawn a daemon thread (worker, clock, RCU, kthread) and return once it
 * has started, so exploration sees its first real operation.  _system: a
 * thread the kernel has before the test (a worker, a timer's or RCU's
 * thread, ksoftirqd), which the caller only makes when first needed: the
 * caller's steps are not ordered before it (WEFT__THREAD_SYSTEM), and it is
 * named across executions by role, what it serves (weft__spawn_system).  A
 * kthread or an interrupt's thread, which the caller really creates, is
 * made by weft__lx_spawn_daemon. */
int weft__lx_spawn_daemon(void (*fn)(void *), void *arg, const char *name,
		    const struct weft_loc *loc);
int weft__lx_spawn_system(void (*fn)(void *), void *arg, const char *name,
			  uintptr_t role, const struct weft_loc *loc);

/* The domain object of all deferred-work state (clock, timers,
 * workqueues): their operations read and write one another's state, so
 * they are one object for partial-order reduction. */
extern char weft__lx_dom;
#define LX_DOM_NAME "jiffies"

/* Clock (ktime.c). */
enum { LX_EV_TIMER = 1, LX_EV_DWORK, LX_EV_SLEEP, LX_EV_TWAIT, LX_EV_WQWAIT,
       LX_EV_XTIMER };
/* Whether the calling thread runs the handler of the header tree's timer
 * owner (a struct weft_xtimer; ext_timer.c): its re-arming counts
 * against the refire bound. */
bool weft__lx_xtimer_self(const void *owner);
/* Remember timer t, armed in this execution, for the end-of-test check
 * (ext_timer_end.c).  Not a scheduling point. */
struct weft_xtimer;
void weft__lx_xtimer_remember(struct weft_xtimer *t);
/* The thread + 1 that runs the handler of a timer add_timer_on pinned to
 * each CPU (0: none): one CPU's timer softirq runs its handlers one after
 * another (ext_timer.c). */
extern int weft__lx_xtimer_cpu_busy[];
/* A timer's name for messages, and the check at each use of it (its
 * memory, its frame, that it was set up), ext_timer.c. */
const char *weft__lx_xtimer_name(const struct weft_xtimer *t);
void weft__lx_xtimer_check(struct weft_xtimer *t, const char *what,
			   const struct weft_loc *loc);
void weft__lx_ev_arm(struct weft_kevent *ev, int kind, unsigned long expires,
	       void *owner, const struct weft_loc *loc);
int weft__lx_ev_disarm(struct weft_kevent *ev);
/* The first armed delayed work aimed at wq, or NULL. */
struct weft_dwork *weft__lx_ev_dwork_for(const struct weft_wq *wq);
unsigned long weft__lx_now(void);
/* Whether the clock moved (lone ticks aside) since the calling thread
 * last looked, which it does now.  Does not block. */
bool weft__lx_clock_moved(void);
void weft__lx_clock_need_thread(const struct weft_loc *loc);
/* The clock's thread (ksoftirqd/0), which ends timed sleeps, or -1 before
 * it is made: what a timed sleep's op names as the thread it waits for. */
int weft__lx_clock_tid(void);
/* Run timer t's callback, as the clock fires it, and its name for
 * messages (ktimer.c). */
void weft__lx_timer_fire(struct weft_timer *t);
const char *weft__lx_timer_name(const struct weft_timer *t);
/* add_timer (or add_timer_on) of timer name, pending: the kernel warns
 * (WARN_ON_ONCE, a BUG_ON before Linux 6.2) and leaves it as it is.
 * Reported as a misuse at loc; does not return (ktimer.c). */
_Noreturn void weft__lx_add_pending(const char *name,
				     const struct weft_loc *loc);
void weft__lx_time_begin(void);
void weft__lx_time_end_check(void);
/* A use-after-free report when an event still pending at the end of the
 * test (a timer, a delayed work: what, named name) lies in freed
 * memory: it would fire on freed memory. */
void weft__lx_freed_armed(const void *owner, const struct weft_loc *armed_at,
			  const char *what, const char *name);

/* Workqueues (workqueue.c) used by the clock for delayed work.  Insert
 * w for the CPU tag cpu (weft__lx_queue_cpu, or -1 for a CPU of its own:
 * a timer fires on any CPU). */
void weft__lx_wq_insert(struct weft_wq *wq, struct weft_work *w, int cpu,
			const struct weft_loc *loc);
/* The CPU tag of a work the calling thread queues now, for CPU cpu if
 * that is not -1 (queue_work_on).  The tags of per-CPU queues' works
 * (wq_cpu.c): WEFT__LX_CPU_ANY for any CPU (a preemptible thread's),
 * WEFT__LX_CPU_WORKER + the worker for the CPU of the worker that runs
 * such a work.  weft__lx_wq_settle_cpu turns "any" into the explorer's
 * choice where wq's limit can hold works back, in the queueing step;
 * weft__lx_wq_running_on counts wq's works running on a tag. */
int weft__lx_queue_cpu(int cpu);
/* The CPU tag of an RCU callback the calling thread queues now: as a
 * work's, but a preemptible thread's own where a work's would be "any"
 * (wq_cpu.c). */
int weft__lx_rcu_cpu(void);
#define WEFT__LX_CPU_ANY (-1)
#define WEFT__LX_CPU_WORKER (1 << 21)
bool weft__lx_wq_per_cpu(const struct weft_wq *wq);
int weft__lx_wq_settle_cpu(struct weft_wq *wq, int cpu);
int weft__lx_wq_running_on(const struct weft_wq *wq, int cpu);
/* How many of per-CPU queue wq's works could run at once now (its
 * running ones and the pending ones its CPUs' limits let start). */
int weft__lx_wq_could_run(const struct weft_wq *wq);
void weft__lx_wq_cpu_begin(void);
/* Workers for wq's pending works, as many as its limit allows
 * (wq_worker.c), and their numbering reset for a new execution. */
void weft__lx_wq_spawn_if_needed(struct weft_wq *wq,
				 const struct weft_loc *loc);
void weft__lx_wq_workers_begin(void);
/* Take w off wq's list of pending works, if it is there (wq_worker.c). */
void weft__lx_wq_unlink(struct weft_wq *wq, struct weft_work *w);
/* The queues used in this execution, linked by next_wq (workqueue.c),
 * one added to them, and whether a worker of wq runs w now. */
extern struct weft_wq *weft__lx_wq_registry;
void weft__lx_wq_reg(struct weft_wq *wq);
bool weft__lx_wq_runs_here(const struct weft_wq *wq, const struct weft_work *w);
void weft__lx_wq_begin(void);
int weft__lx_wq_class(struct weft_wq *wq);
int weft__lx_work_class(struct weft_work *w);
void weft__lx_wq_end_check(void);
void weft__lx_work_check_init(struct weft_work *w, const char *what,
			const struct weft_loc *loc);
/* flush_work under the caller's name for it (taskqueue_drain): waits for
 * the work's instance queued or running at its step; returns whether
 * there was one (wq_wait.c).  May block. */
int weft__lx_work_flush_as(struct weft_work *w, const char *name,
			   const struct weft_loc *loc);
/* The same checks and first step, then a wait until idle(op) holds (op's
 * arg is w) rather than for one instance: taskqueue_drain's "neither
 * pending nor running", which a run queued meanwhile extends.  Returns 0
 * when idle held at the step.  May block. */
int weft__lx_work_wait_as(struct weft_work *w, const char *name,
			  bool (*idle)(const struct weft__op *),
			  const struct weft_loc *loc);
/* ext_taskqueue.c: link w, a task, into taskqueue wq's list by priority,
 * as taskqueue_enqueue_locked does.  Weak: only a program with a
 * taskqueue (wq->bsd) links it. */
void weft__lx_task_link(struct weft_wq *wq, struct weft_work *w)
	__attribute__((weak));

/* Completions: the clock's timed-wait expiry. */
void weft__lx_completion_timeout(struct weft_completion *c, int tid,
			   unsigned long gen);

/* Wait queues (waitq.c): the clock's timed-wait expiry. */
void weft__lx_waitq_timeout(struct weft_waitq *q, int tid, unsigned long gen);
/* kthread_stop's wake_up_process of thread tid: a wait_event it is in
 * re-evaluates its condition (waitq.c); a task state it set is made
 * running (ext_sched.c, whose state object the stop's step touches). */
void weft__lx_waitq_kick(int tid, const char *name, const struct weft_loc *loc);
const void *weft__lx_task_state_obj(int tid);
void weft__lx_task_wake(int tid);
/* kthread_stop's TIF_NOTIFY_SIGNAL of thread tid (Linux 6.1 on): from
 * then on a signal is pending for it, so its interruptible sleeps and
 * waits end at once (-ERESTARTSYS).  Set in a step on tid's task state
 * (the stop's); notified reads it, no step. */
void weft__lx_task_notify(int tid);
bool weft__lx_task_notified(int tid);
/* The calling thread is about to sleep interruptibly: whether a user's
 * signal comes now (an explored choice for the test's own threads, once
 * per thread and execution; usig.c says why), after which
 * weft__lx_task_notified is true for it until it next comes here or
 * weft__lx_signal_done says an interruptible wait begins (the signal
 * that ended the last one was delivered when its system call returned).
 * A scheduling point when it chooses. */
int weft__lx_signal_maybe(const struct weft_loc *loc);
void weft__lx_signal_done(void);
/* Whether a user's signal is pending for thread tid (usig.c). */
bool weft__lx_signal_pending_user(int tid);
/* A thread's task state (0: TASK_RUNNING), and the queue of its
 * open-coded wait (ext_sched.c); none is a step. */
int weft__lx_task_state(int tid);
void weft__lx_task_set_state(int tid, int state);
void weft__lx_task_open_wait(int tid, struct weft_waitq *q);
/* A work's wait description and the readiness "w is not running" (op
 * arg: the work), for waits on a work outside wq_wait.c (tasklet.c). */
int weft__lx_work_waitdesc(const struct weft__op *op, char *buf, size_t n);
bool weft__lx_work_not_running(const struct weft__op *op);
struct weft_ktask;
/* A use of kthread task t (what: the call) after the kernel freed it:
 * reported as a use-after-free (kthread.c).  Not a step; call it after
 * the use's step, which must touch t. */
void weft__lx_task_use(const struct weft_ktask *t, const char *what,
		       const struct weft_loc *loc);
/* The calling thread, whose state a step of its own set asleep, sleeps
 * until a wake-up sets it running: one blocking step, enabled once it is
 * (a created kthread's first sleep).  schedule() checks the state in a
 * step of its own first, which a wake-up could come before or after to
 * the same effect: an order explored twice for nothing. */
void weft__lx_task_sleep(const char *what, const struct weft_loc *loc);
/* A wake-up's step on thread tid's task state that sets it running (the
 * open-coded waits' try_to_wake_up). */
void weft__lx_task_wake_step(int tid, const struct weft_loc *loc);
/* The timeout of a schedule_timeout fired (ktime.c's clock thread, for an
 * event armed with the sleeper's task state as owner): a step on that
 * state, as a wake-up's is, so the two are ordered both ways. */
void weft__lx_task_timeout(void *owner);
/* A queue's name for traces, and the lock-order edges of a thread that
 * really sleeps on it (waitq.c). */
const char *weft__lx_waitq_name(const struct weft_waitq *q);
/* The memory checks of a step on q: the heap, and a frame that has
 * returned (waitq.c). */
void weft__lx_waitq_use(struct weft_waitq *q, bool write,
			const struct weft_loc *loc);
void weft__lx_waitq_sleeps(struct weft_waitq *q, const struct weft_loc *loc);
/* The wake-up of q's entries other than wait_event's non-exclusive
 * waiters (waitq_open.c): every non-exclusive open-coded entry, then up
 * to nr exclusive entries (nr < 0: all), wait_event's and open-coded ones
 * alike, in the order they went on the queue (the kernel adds exclusive
 * entries at the tail and wakes from the head); an open-coded one counts
 * when its task's state is one of states (the kernel's wake mode,
 * WEFT_WAKE_NORMAL or WEFT_WAKE_INTERRUPTIBLE: the same bits), a
 * wait_event one when the mode wakes it (every one for WEFT_WAKE_NORMAL,
 * the interruptible ones otherwise).  Inside the wake-up's step. */
void weft__lx_owait_wake(struct weft_waitq *q, int nr, int states,
			 const struct weft_loc *loc);
/* The next place in the order of exclusive entries (waitq_open.c). */
unsigned long weft__lx_wait_seq(void);
/* Takes wait_event's exclusive waiter w off its queue, woken (waitq.c). */
void weft__lx_waitq_pick(struct weft_waiter *w);

/* A kernel lock's name (its own, else its object's; klock_names.c); the wait
 * description of a step that waits for it; a misuse report unless it was
 * initialised (klock_held.c, for kseq.c). */
const char *weft__lx_klock_name(const struct weft_klock *l);
/* l's lock-order class: its init site's (or, for a static lock, its
 * own), or the key and subclass lockdep_set_class gave it; set on first
 * use.  Does not block. */
int weft__lx_klock_class(struct weft_klock *l);
/* The names of an acquisition of l (shared: for reading; try: a
 * trylock) and of its release, in the kernel's spelling for l's kind, or
 * FreeBSD's (klock_names.c). */
const char *weft__lx_klock_op(const struct weft_klock *l, int shared, int try);
const char *weft__lx_klock_unlock_op(const struct weft_klock *l, bool shared);
int weft__lx_klock_waitdesc(const struct weft__op *op, char *buf, size_t n);
/* Whether a thread other than me waits to take l; the second part of
 * a mutex's or rw_semaphore's release that has one, the wake, a step of
 * its own (klock.c). */
bool weft__lx_klock_has_waiter(const struct weft_klock *l, int me);
void weft__lx_klock_wake(struct weft_klock *l, const struct weft_loc *loc);
void weft__lx_klock_check_init(const struct weft_klock *l, const char *what,
			       const struct weft_loc *loc);
/* Thread t holds kernel lock l for reading; holds it at all, for
 * reading or writing (klock_held.c). */
bool weft__lx_klock_reader(int t, const struct weft_klock *l);
bool weft__lx_holds(int t, const struct weft_klock *l);
/* A thread other than the caller that holds l (the site of its hold in
 * *at), or -1 (klock_held.c). */
int weft__lx_klock_holder(const struct weft_klock *l,
			  const struct weft_loc **at);
/* The name of the init of a lock of kind (weft_klock_init's argument):
 * mutex_init, spin_lock_init, sx_init, ... (klock_names.c). */
const char *weft__lx_klock_init_op(int kind);
/* The tag of the kernel's locks in the kit's held-lock set (klock.c's
 * entries; klock_held.c reads them). */
extern const char weft__lx_klock_tag;
/* The kernel locks thread t holds, from the kit's held-lock set
 * (klock_held.c): how many; the innermost (NULL: none); the innermost
 * that spins (NULL: none). */
int weft__lx_nheld(int t);
/* Up to max of the kernel locks thread t holds, innermost first, into
 * out; returns how many. */
int weft__lx_held_list(int t, const struct weft_klock **out, int max);
const struct weft_klock *weft__lx_held_last(int t);
const struct weft_klock *weft__lx_held_spinning(int t);
/* Lockdep's checks of locks left held: a kernel lock some thread holds
 * inside the n bytes at p, which kfree is freeing ("held lock freed");
 * and the locks a thread that ended still holds, reported for every
 * finished thread at the end of the test ("lock held when returning").
 * Either fails as misuse (klock_held.c). */
void weft__lx_held_freed_check(const void *p, size_t n,
			       const struct weft_loc *loc);
void weft__lx_held_end_check(void);

/* RCU domains (rcu.c: the domains and their grace periods; rcu_read.c:
 * read sections and pointers; rcu_cb.c: callbacks, barriers, a domain's
 * life, the end-of-test check).  The classic RCU is one domain; each
 * srcu_struct embeds another. */
extern struct weft_rcu_domain weft__lx_rcu_classic;
/* What differs between the flavours: the names of their operations. */
struct weft__lx_rcu_flavour {
	const char *lock, *unlock, *sync, *call, *barrier, *deref, *cleanup;
};
const struct weft__lx_rcu_flavour *weft__lx_rcu_flavour(
	const struct weft_rcu_domain *d);
const char *weft__lx_rcu_name(const struct weft_rcu_domain *d);
/* Misuse unless d is live memory and not cleaned up. */
void weft__lx_rcu_alive(struct weft_rcu_domain *d, const char *what,
			const struct weft_loc *loc);
/* The first thread inside a read section of d entered at or before
 * stamp s, or -1. */
int weft__lx_rcu_blocking_reader(const struct weft_rcu_domain *d,
				 unsigned long s);
/* Read sections begun while a grace period of d was awaited ("late"
 * ones, which that grace period does not wait for) end with a step on
 * this object instead of d: for the race detector and partial-order
 * reduction a waiter then follows only the sections it waited for
 * (rcu_read.c says why).  A grace period whose stamp s is later than such
 * a section's start acquires them with weft__lx_rcu_late_acquire. */
const void *weft__lx_rcu_late_obj(const struct weft_rcu_domain *d);
/* A step on that object, in a waiter whose grace period of stamp s has
 * just elapsed, when a late section began before s; nothing otherwise. */
void weft__lx_rcu_late_acquire(struct weft_rcu_domain *d, unsigned long s,
			       const char *what, const struct weft_loc *loc);
/* Whether a grace period of d is awaited: a callback queued, or a
 * synchronize in progress. */
bool weft__lx_rcu_gp_pending(const struct weft_rcu_domain *d);
/* Ends the caller's implicit read section of the classic domain when it
 * has left every context that is a reader without rcu_read_lock (preempt,
 * softirqs or interrupts disabled, a spinlock held, a callback or
 * handler): a scheduling point then (rcu_read.c), nothing otherwise.
 * loc: the call that left, or NULL. */
void weft__lx_rcu_implicit_end(const struct weft_loc *loc);
/* The caller is about to disable preemption, softirqs or interrupts: a
 * step named what that a grace period's start depends on when that
 * begins its reader's context, nothing otherwise (rcu_read.c). */
void weft__lx_rcu_region_enter(const char *what, const struct weft_loc *loc);
/* Whether the thread is in a context that is a reader without
 * rcu_read_lock (preemption, softirqs or interrupts off, a spinlock held,
 * a callback or handler running: rcu_read.c). */
bool weft__lx_rcu_implicit_reader(const struct weft__lx_thread *me);
/* A grace period of d begins (the caller's step): the other threads in a
 * context that is a reader without rcu_read_lock are readers it waits
 * for, and such contexts that ended before are ordered before its end:
 * their threads' clock entries at their ends are put in ends
 * (WEFT__MAX_THREADS room), for the period's waiter to acquire; returns
 * how many entries (0: none to acquire) (rcu_read.c). */
int weft__lx_rcu_gp_begins(struct weft_rcu_domain *d, uint32_t *ends,
			   const struct weft_loc *loc);
/* Thread t's read section of d: its depth (0 outside), and the stamp and
 * site of its outermost entry in *stamp and *loc (rcu_read.c). */
int weft__lx_rcu_depth(const struct weft__lx_thread *t,
		       const struct weft_rcu_domain *d, unsigned long *stamp,
		       const struct weft_loc **loc);
/* Whether a thread entered a read section this execution (rcu_read.c;
 * weft__lx_rcu_begin clears it): until one has, a free checks no reader. */
extern bool weft__lx_rcu_any_reader;
/* The domains used this execution (weft__lx_rcu_note adds one). */
void weft__lx_rcu_note(struct weft_rcu_domain *d);
int weft__lx_rcu_ndomains(struct weft_rcu_domain ***all);
/* A head call_rcu queued, watched when it lies in a stack frame: the
 * frame's return before its callback ran is a use-after-free
 * (rcu_head.c). */
void weft__lx_rcu_head_watch(struct weft_rcu_head *h,
			     const struct weft_loc *loc);
/* A queued head about to be read: a use-after-free when it lies in dead
 * stack memory (weft's walk of its queues would read whatever overwrote
 * it), reported as the program's; nothing otherwise. */
void weft__lx_rcu_head_check(const struct weft_rcu_head *h);
/* Whether h lies in dead stack memory (the check's test, for a ready
 * function, which may not report). */
bool weft__lx_rcu_head_dead(const struct weft_rcu_head *h);
void weft__lx_rcu_begin(void);
/* The ended regions a classic callback's grace period is ordered after
 * (rcu_cb_ends.c): kept when h is queued (c: n clock entries from
 * weft__lx_rcu_gp_begins), acquired by the callback thread before it runs
 * h, and forgotten at an execution's start. */
void weft__lx_rcu_cb_ends_keep(const struct weft_rcu_head *h,
			       const uint32_t *c, int n);
void weft__lx_rcu_cb_ends_acquire(const struct weft_rcu_domain *d,
				  const struct weft_rcu_head *h);
void weft__lx_rcu_cb_begin(void);
void weft__lx_rcu_end_check(void);
/* The running classic callback h runs no more of the test's code: not
 * reported as running at the end of the test (rcu_cb.c). */
void weft__lx_rcu_cb_finished(const struct weft_rcu_head *h);
/* Every ended thread left its read sections (rcu_read.c). */
void weft__lx_rcu_read_end_check(void);
/* srcu_down_read sections (srcu_updown.c): the thread that entered the
 * first one of d entered at or before stamp s, with its site in *loc
 * (when loc is not NULL), or -1; and the end-of-test check that each was
 * ended. */
int weft__lx_srcu_detached(const struct weft_rcu_domain *d, unsigned long s,
			   const struct weft_loc **loc);
void weft__lx_srcu_detached_end_check(void);
void weft__lx_rcu_check_free(const void *p, size_t n,
			     const struct weft_loc *loc);

/* kmem.c: the size of the live block starting at p, 1 if none (for the
 * RCU free check and krealloc). */
size_t weft__lx_kmem_size(const void *p);

/* kthread.c */
void weft__lx_kthread_begin(void);
void weft__lx_kthread_end_check(void);

/* refcount.c */
void weft__lx_kref_begin(void);
void weft__lx_kref_end_check(void);

/* Whether the model's name for an operation ends in suffix: the kernel
 * spells an atomic's order (_relaxed, _acquire, _release) and a void
 * read-modify-write's verb there (katomic.c, refcount.c). */
static inline bool weft__lx_ends(const char *what, const char *suffix)
{
	size_t n = strlen(what), k = strlen(suffix);

	return n >= k && strcmp(what + n - k, suffix) == 0;
}

#endif
