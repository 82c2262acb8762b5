/* weft/workqueue.h - deferred work executed by worker threads.
 *
 * Semantics follow the kernel's workqueue documentation: queueing a work
 * that is already pending does nothing and returns 0; PENDING is cleared
 * just before the function runs, so a work may requeue itself; a work is
 * never run by two workers at once; at most max_active works of an unbound
 * queue run at a time, max_active on each CPU of a per-CPU one (so works
 * queued from different CPUs run at once even with max_active 1), and an
 * ordered queue runs them one by one in queueing order.
 * Workers are daemon threads named kworker/N, spawned as concurrency is
 * needed, up to the queue's own limit (max_active on an unbound or
 * ordered queue; on a per-CPU one, as many as its CPUs can run at once);
 * weft's thread table is the only other limit, and reaching it makes the
 * execution inconclusive (wq_worker.c).
 *
 * Running a work "holds" the classes of the work and of its queue in the
 * lock-order graph, and flushing or cancelling waits for them, as lockdep
 * does: holding L while flushing W, when W takes L, is reported as a
 * potential deadlock from one execution even when the run did not hang. */
#ifndef WEFT_WORKQUEUE_H
#define WEFT_WORKQUEUE_H

#include <weft/loc.h>
#include <weft/ktime.h>

/* A queue's first workers' slots are in its struct; more are kept in
 * per-execution memory (wq_worker.c). */
#define WEFT_WQ_INLINE_WORKERS 4
/* weft_wq_alloc's flag for a queue not bound to CPUs: its max_active
 * holds for the whole queue.  Without it, max_active holds on each CPU. */
#define WEFT_WQ_UNBOUND (1u << 1)
/* A queue whose works run in softirq context (the kernel's WQ_BH, Linux
 * 6.9): atomic, as a tasklet is. */
#define WEFT_WQ_BH (1u << 0)
/* Flags for the flush-dependency check: a queue with a rescuer, able to
 * run while memory is short, and one of the old create_workqueue family,
 * which the kernel does not check. */
#define WEFT_WQ_MEM_RECLAIM (1u << 3)
#define WEFT_WQ_LEGACY (1u << 18)
#define WEFT_WORK_MAGIC 0x77656674u

struct weft_wq;

struct weft_work {
	void (*func)(struct weft_work *);
	const char *name;          /* the function's name */
	const struct weft_loc *init;
	unsigned int magic;        /* WEFT_WORK_MAGIC once initialised */
	unsigned char pending;
	unsigned char canceling;
	unsigned char delayed;     /* part of a weft_dwork */
	unsigned char rcu_wait;    /* queued by queue_rcu_work and waiting
				      for its grace period: pending, on no
				      queue yet (the kernel's ext_wq.c) */
	unsigned short disable;    /* disable_work's count: queueing fails */
	unsigned short hold;       /* a tasklet's disable count: it stays
				      pending and is not started (tasklet.c) */
	int runner;                /* worker thread id + 1 running it (the
				      last to start, when it runs on two
				      queues at once) */
	unsigned char nrunning;    /* workers running it now: one per queue */
	struct weft_wq *wq;        /* queue it was last queued on */
	struct weft_work *next;    /* link in the queue */
	unsigned long seq, run_seq;     /* queue sequence numbers */
	unsigned long nqueued, nstarted, ndone;
	const struct weft_loc *queued_at;
	int cls;
	int cpu;                   /* per-CPU queues: the CPU it was queued
				      for, as a tag (-1: a CPU of its own) */
	int run_cpu;               /* and the one it runs on (workqueue.c) */
	const void *cause;         /* the timer event whose callback (or a
				      work queued from it) queued it last:
				      ktime.c's refire bound */
	int bh_holder;             /* a tasklet scheduled with softirqs off:
				      its scheduler's thread id + 1, whose
				      section it waits for (ext_softirq.c) */
};

struct weft_dwork {
	struct weft_work work;
	struct weft_timer timer;   /* its deadline while the delay runs */
	struct weft_wq *wq;
	int cpu;
};

struct weft_wq {
	const char *name;
	int max_active;
	unsigned int flags;
	int ordered;
	struct weft_work *head, *tail; /* pending works, FIFO (a
					  taskqueue: by priority) */
	int nactive;                   /* works running now */
	int nrcu_wait;                 /* works queue_rcu_work queues here
					  after their grace period: a
					  worker is made for them at once */
	int nworkers, nalive;
	int nslots;                    /* entries of worker_tid and cur */
	int *worker_tid;               /* each worker's thread id */
	struct weft_work **cur;        /* the work each one runs, or NULL */
	int tid0[WEFT_WQ_INLINE_WORKERS];
	struct weft_work *cur0[WEFT_WQ_INLINE_WORKERS];
	unsigned long seq;
	unsigned char draining, stopping, dead, is_static, registered;
	unsigned char bsd;             /* a FreeBSD taskqueue: its names,
					  priority order (ext_taskqueue.c) */
	unsigned long bsd_barrier;     /* a taskqueue: the last seq queued
					  when a taskqueue_drain_all began */
	int cls;
	const struct weft_loc *alloc_loc;
	const void *cls_key;       /* its lock class's key (workqueue.c) */
	struct weft_wq *next_wq;       /* registry for end-of-test checks */
	unsigned long long idle;       /* its workers asleep while it has no
					  work (weft__sched_sleep) */
};

#define WEFT_WORK_INIT(fn, nm)                                                \
	{ .func = (fn), .name = (nm), .magic = WEFT_WORK_MAGIC, .cpu = -1 }
#define WEFT_DWORK_INIT(fn, nm)                                               \
	{ .work = { .func = (fn), .name = (nm), .magic = WEFT_WORK_MAGIC,     \
		    .delayed = 1, .cpu = -1 },                                \
	  .timer = { .name = (nm) }, .cpu = -1 }

/* Create / destroy a queue.  alloc never blocks (the queue lives in the
 * tracked heap).  destroy drains the queue (blocks; misuse from a work of
 * the same queue or in atomic context), reports misuse when delayed work
 * aimed at it is still armed, then frees it. */
struct weft_wq *weft_wq_alloc(const char *name, unsigned int flags,
			      int max_active, int ordered,
			      const struct weft_loc *loc);
void weft_wq_destroy(struct weft_wq *wq, const struct weft_loc *loc);
/* Change the queue's max_active (workqueue_set_max_active); an ordered
 * queue keeps its one at a time.  Not a scheduling point. */
void weft_wq_set_max_active(struct weft_wq *wq, int max_active,
			    const struct weft_loc *loc);
/* Wait until every work queued on wq before the call has finished (flush),
 * or until the queue is empty, allowing chained queueing from its own works
 * (drain).  Block. */
void weft_wq_flush(struct weft_wq *wq, const struct weft_loc *loc);
void weft_wq_drain(struct weft_wq *wq, const struct weft_loc *loc);

/* Not scheduling points. */
void weft_work_init(struct weft_work *w, void (*fn)(struct weft_work *),
		    const char *name, const struct weft_loc *loc);
void weft_dwork_init(struct weft_dwork *d, void (*fn)(struct weft_work *),
		     const char *name, const struct weft_loc *loc);

/* Queue w on wq; 0 when it was already pending.  Never blocks.  Queueing
 * happens before the function runs.  Queueing onto a draining queue from
 * outside it is misuse; onto a destroyed one, use-after-free. */
int weft_work_queue(struct weft_wq *wq, struct weft_work *w,
		    const struct weft_loc *loc);
/* weft_work_queue for CPU cpu (queue_work_on): on a per-CPU queue, works
 * queued for one CPU run at most max_active at a time. */
int weft_work_queue_on(struct weft_wq *wq, struct weft_work *w, int cpu,
		       const struct weft_loc *loc);
/* Wait for the last queueing of w to finish; 0 when w was idle.  Blocks. */
int weft_work_flush(struct weft_work *w, const struct weft_loc *loc);
/* Take w off its queue (and stop its delay timer); with sync, also wait
 * until a running instance returned.  Returns 1 when w was pending.  Only
 * the sync form blocks. */
int weft_work_cancel(struct weft_work *w, int sync, const struct weft_loc *loc);
/* weft_work_cancel that also disables w: until as many
 * weft_work_enable calls, queueing w (or its delayed work) does nothing
 * and returns 0.  The count and the cancel are one step.  Only the sync
 * form blocks. */
int weft_work_disable(struct weft_work *w, int sync,
		      const struct weft_loc *loc);
/* Undo one weft_work_disable; returns 1 when w can be queued again.  An
 * enable of a work that is not disabled is misuse.  Never blocks. */
int weft_work_enable(struct weft_work *w, const struct weft_loc *loc);
/* Whether w is pending.  A scheduling point that reads. */
int weft_work_pending(struct weft_work *w, const struct weft_loc *loc);

/* Delayed work: after `delay` jiffies of virtual time, queue on wq.
 * mod re-arms a pending one (returns 1 when it was pending); flush queues
 * an armed one at once and waits for it. */
int weft_dwork_queue(struct weft_wq *wq, struct weft_dwork *d,
		     unsigned long delay, int mod, const struct weft_loc *loc);
int weft_dwork_flush(struct weft_dwork *d, const struct weft_loc *loc);

extern struct weft_wq weft_system_wq, weft_system_unbound_wq,
	weft_system_long_wq, weft_system_highpri_wq, weft_system_bh_wq;

#endif
