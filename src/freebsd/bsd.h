/* src/freebsd/bsd.h - state shared by the FreeBSD models (mutexes, sleep
 * queues, malloc(9), callouts).
 *
 * Everything that changes during an execution lives in one struct
 * bsd_state, taken from per-execution memory on first use and forgotten
 * by the begin hook, so every execution starts from nothing whether or
 * not weft's own data segment is restored.  The objects of the code under
 * test (struct weft_callout, struct weft_bsd_mtx) hold only keys into it
 * or the core's own lock state, so a callout in freed memory never makes
 * the model read garbage.
 *
 * All callout state is one object for partial-order reduction (&st->co):
 * a softclock thread's readiness depends on every callout assigned to its
 * CPU, a migration touches two CPUs, and one visible operation can name
 * only one object.  Making every callout operation dependent on every
 * other is sound; it only gives up reduction between unrelated callouts,
 * which tests with two or three threads do not miss. */
#ifndef WEFT_FREEBSD_BSD_H
#define WEFT_FREEBSD_BSD_H

#include <stdbool.h>

#include "internal.h"
#include <weft/bsd.h>
#include <weft/callout.h>
#include <weft/rcu.h>

#define BSD_MAXCPU 8
#define BSD_MAXCO 32

/* One callout: the model of FreeBSD's struct callout fields plus what the
 * checks need. */
struct bsd_co {
	struct weft_callout *c;         /* the object in the code under test */
	const char *name;               /* for traces (this execution) */
	const struct weft_loc *init_loc, *arm_loc, *drain_loc;
	weft_callout_func_t *func;      /* c_func and c_arg of the last reset */
	void *arg;
	struct weft_bsd_mtx *lock;      /* c_lock: a mutex, Giant or NULL */
	int lockflags;                  /* WEFT_CALLOUT_RETURNUNLOCKED */
	int cpu;                        /* c_cpu: the CPU it is assigned to */
	long time;                      /* deadline in ticks while pending */
	long seq;                       /* arming order, ties between equal
					   deadlines */
	bool pending, active;           /* CALLOUT_PENDING, CALLOUT_ACTIVE */
	bool dfrmig;                    /* CALLOUT_DFRMIGRATION: re-arm on
					   mig_cpu when the handler returns */
	int mig_cpu;
	long mig_ticks;
	weft_callout_func_t *mig_func;
	void *mig_arg;
	bool drained;                   /* drain returned, not armed since */
	int fires;                      /* times fired in this execution */
	int hcls;                       /* lock-order class of the handler + 1 */
};

/* One virtual CPU's callout state (FreeBSD's struct callout_cpu). */
struct bsd_cpu {
	int tid;                        /* softclock thread id + 1, 0: none,
					   -1: being spawned */
	struct bsd_co *curr;            /* cc_exec_curr: the callout being
					   run (or waiting for its lock) */
	bool cancel;                    /* cc_exec_cancel: a handler waiting
					   for its lock was cancelled, or
					   (once it has the lock) can no
					   longer be */
	bool started;                   /* the softclock thread runs */
	bool running;                   /* curr's handler has started */
	int waiting;                    /* drains waiting for curr */
	weft_callout_func_t *func;      /* the run's function and argument, */
	void *arg;                      /* read when the callout fired */
};

/* Per test thread. */
struct bsd_thread {
	struct bsd_co *handler;         /* the callout whose handler runs */
	weft_callout_func_t *hfunc;     /* and that handler */
	const void *chan;               /* wait channel slept on, or NULL */
	bool woken;
	bool signalled;                 /* a PCATCH sleep was interrupted in
					   this execution (sleep.c) */
	long sleepseq;                  /* sleep order, for wakeup_one */
	int critnest;                   /* critical_enter nesting */
	const struct weft_loc *crit_loc; /* the outermost critical_enter */
	uint64_t crit_serial;           /* the thread they belong to + 1
					   (critical.c) */
	int crit_cpu;                   /* the CPU whose section it is in */
};

struct bsd_state {
	int ncpu, model;
	int max_fires;                  /* the time horizon, in firings per
					   callout */
	bool frozen;                    /* a callout was armed: the CPU count
					   and model are fixed */
	long seq;
	struct bsd_cpu cpu[BSD_MAXCPU];
	int nco;
	struct bsd_co co[BSD_MAXCO];
	struct bsd_thread th[WEFT__MAX_THREADS];
	/* Per virtual CPU: the thread in a critical section there (its
	 * index + 1), or 0; each entry is the explorer's object for the
	 * CPU's sections (critical.c). */
	int crit_owner[BSD_MAXCPU];
	struct weft_rcu_domain net_epoch; /* net_epoch_preempt (epoch.c) */
};

/* The current execution's state (created on first use), or NULL when
 * this execution has not used the models (peek). */
struct bsd_state *weft__bsd(void);
struct bsd_state *weft__bsd_peek(void);
struct bsd_thread *weft__bsd_self(void);

/* mtx.c: the caller's holds, and the checks before sleeping. */
void weft__bsd_lock(struct weft_bsd_mtx *m, const char *opname,
		    const struct weft_loc *loc);
void weft__bsd_unlock(struct weft_bsd_mtx *m, const char *opname,
		      const struct weft_loc *loc);
const char *weft__bsd_mtx_name(const struct weft_bsd_mtx *m);
/* Report misuse when the caller may not sleep in `what`: inside a callout
 * handler or a critical section, or holding a spin mutex, or a sleep
 * mutex other than `allowed` and Giant. */
void weft__bsd_may_sleep(const char *what, const struct weft_bsd_mtx *allowed,
			 const struct weft_loc *loc);
/* critical.c: the site of the caller's outermost critical_enter, or
 * NULL outside a critical section; and misuse of `what` inside one,
 * saying why. */
const struct weft_loc *weft__bsd_critical_site(void);
void weft__bsd_no_critical(const char *what, const char *why,
			   const struct weft_loc *loc);
/* mtx.c: a spin mutex the caller holds (the first), or NULL.  critical.c:
 * misuse of `what` inside a critical section or while the caller holds a
 * spin mutex, a critical section in the kernel too (spinlock_enter),
 * saying why; msleep_spin's sleep, which drops its spin mutex, is
 * checked by weft__bsd_may_sleep instead. */
const struct weft_bsd_mtx *weft__bsd_spin_held(void);
/* mtx.c: a FreeBSD mutex the caller holds (the first), Giant too, or
 * NULL (a task's return, ext_taskqueue.c). */
const struct weft_bsd_mtx *weft__bsd_held_mtx(void);
void weft__bsd_no_section(const char *what, const char *why,
			  const struct weft_loc *loc);
/* sleep.c: whether a signal interrupts t's sleep with priority pri
 * (PCATCH): EINTR or ERESTART, an explored choice belonging to the step
 * the caller just took; 0 without PCATCH or once t was interrupted. */
int weft__bsd_signal_choice(const struct bsd_thread *t, int pri);
/* msleep drops Giant while it sleeps and takes it back afterwards. */
int weft__bsd_drop_giant(const struct weft_loc *loc);
void weft__bsd_pickup_giant(int depth, const struct weft_loc *loc);

/* callout.c: misuse when [p, p+n) holds a callout that is pending,
 * running or migrating (free), or when m is the lock of such a callout
 * (mtx_destroy).  Weak, so programs without callouts do not link them. */
void weft__bsd_callout_check_free(const void *p, size_t n,
				  const struct weft_loc *loc)
	__attribute__((weak));
void weft__bsd_callout_check_lock(const struct weft_bsd_mtx *m,
				  const struct weft_loc *loc)
	__attribute__((weak));

/* softclock.c */
extern const char *const weft__bsd_softclock_names[BSD_MAXCPU];
void weft__bsd_softclock_ensure(int cpu, const struct weft_loc *loc);
bool weft__bsd_co_running(const struct bsd_co *co, int *cpu);
int weft__bsd_handler_class(struct bsd_co *co);
void weft__bsd_co_arm(struct bsd_co *co, int cpu, long nticks,
		      weft_callout_func_t *fn, void *arg);

/* drain.c and legacy.c: waiting for a running handler, the checks when a
 * drain returns, and the legacy model's reset and drain. */
int weft__bsd_drain_wait(struct bsd_co *co, int cpu,
			 const struct weft_loc *loc);
void weft__bsd_drain_done(struct bsd_co *co, const struct weft_loc *loc);
int weft__bsd_legacy_reset(struct bsd_co *co, int nticks,
			   weft_callout_func_t *fn, void *arg, int cpu,
			   struct weft__op *op);
int weft__bsd_legacy_drain(struct bsd_co *co, const struct weft_loc *loc);

/* "file:line" of a location, for messages. */
const char *weft__bsd_site(const struct weft_loc *l);
/* drain.c: report the callouts still armed as a leak (see there). */
void weft__bsd_report_armed(struct bsd_state *s, const char *when,
			    bool check_memory);
/* The handler's name. */
const char *weft__bsd_fname(weft_callout_func_t *fn);

#endif
