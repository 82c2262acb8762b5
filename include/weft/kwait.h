/* weft/kwait.h - kernel wait queues: sleep until a condition holds.
 *
 * A waiter evaluates its condition itself (it is the test's own code) and
 * sleeps until the queue is woken; a wake-up that comes before the waiter
 * started waiting is lost, exactly as in the kernel, so setting the
 * condition without waking the queue can hang the waiter (reported as a
 * deadlock).  A wake-up wakes every non-exclusive waiter and, of the
 * exclusive ones (wait_event_*_exclusive, swait), as many as it is asked
 * for in the order they went on the queue (wake_up one, wake_up_all
 * every one), as the kernel's __wake_up_common does.  Sleeping waits take part in the wait-for graph and,
 * like DEPT's, in the lock-order graph: sleeping on Q while holding L is
 * the edge L -> Q, and a waker that took L in its context before waking
 * Q gives Q -> L. */
#ifndef WEFT_KWAIT_H
#define WEFT_KWAIT_H

#include <weft/loc.h>

struct weft_waitq {
	unsigned long wakeups;     /* number of wake-ups so far */
	int cls;                   /* event class + 1 */
	const char *name;
	const struct weft_loc *init;
	const struct weft_loc *woken_at; /* last wake-up site */
	int waker;                 /* thread id + 1 of the last waker */
	/* The waiters on the queue (waitqueue_active): nreg of them
	 * registered since wake-up number reg_gen; a wake-up takes them all
	 * off, as the kernel's autoremove wake function does. */
	unsigned long reg_gen;
	int nreg;
	/* The exclusive waiters on the queue, first come first: a wake-up
	 * takes those it wakes off (they go back on at the tail when they
	 * prepare again).  Each lives on its waiter's stack while it is on
	 * the queue. */
	struct weft_waiter *ex_first;
	/* The open-coded waits' entries on it (prepare_to_wait,
	 * add_wait_queue); weft keeps them with their threads. */
	int ow_n;
	/* wakeups, reg_gen and nreg count every wake-up, for the waiters
	 * in an interruptible wait; these only those that wake an
	 * uninterruptible sleeper too (not wake_up_interruptible), for the
	 * others. */
	unsigned long wakeups_u;
	unsigned long reg_gen_u;
	int nreg_u;
};

#define WEFT_WAITQ_INIT(name) { 0, 0, (name), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/* What a wake-up wakes (the kernel's mode, TASK_NORMAL or
 * TASK_INTERRUPTIBLE, with the same bits as those task states):
 * weft_waitq_wake_mode. */
#define WEFT_WAKE_INTERRUPTIBLE 1
#define WEFT_WAKE_NORMAL 3

/* One wait in progress (on the waiter's stack; weft's). */
struct weft_waiter {
	struct weft_waitq *q;
	unsigned long gen;         /* wake-ups seen when it last prepared */
	long timeout;              /* jiffies, or -1 for none */
	unsigned long deadline;
	long result;
	int slept;                 /* lock-order edge added */
	int kicked;                /* the task was woken (kthread_stop) */
	const char *what, *cond;
	const struct weft_loc *loc;
	unsigned long reg_at;      /* wake-ups when it went on the queue */
	int registered;            /* on the queue (since wake-up reg_at) */
	int exclusive;             /* woken only when a wake-up picks it */
	int picked;                /* ... and one did, since it last prepared */
	struct weft_waiter *ex_next; /* in q->ex_first's list, when on it */
	unsigned long ex_seq;      /* when it went on that list: the order of
				    * the queue's exclusive entries, open-coded
				    * ones included */
	int on_ex;
	int prepared;              /* prepare_to_wait done (an exclusive
				    * waiter's comes after its first check) */
	int intr;                  /* an interruptible wait: woken by
				    * wake_up_interruptible too */
};

/* Not a scheduling point. */
void weft_waitq_init(struct weft_waitq *q, const char *name,
		     const struct weft_loc *loc);

/* Start a wait: the sleep check (misuse in atomic context) and the
 * kernel's prepare_to_wait, a step that reads the queue.  timeout is in
 * jiffies, or -1 for none. */
void weft_wait_begin(struct weft_waitq *q, struct weft_waiter *w,
		     long timeout, const char *what, const char *cond,
		     const struct weft_loc *loc);
/* The same for an exclusive waiter (prepare_to_wait_exclusive): it goes
 * on the queue's tail and is woken only by a wake-up that picks it. */
void weft_wait_begin_exclusive(struct weft_waitq *q, struct weft_waiter *w,
			       long timeout, const char *what,
			       const char *cond, const struct weft_loc *loc);
/* The same in two halves, for a wait that drops a spinlock between them
 * (wait_event_lock_irq): prepare_to_wait while the lock is held, then,
 * once it is dropped, the sleep check. */
void weft_wait_prepare(struct weft_waitq *q, struct weft_waiter *w,
		       long timeout, const char *what, const char *cond,
		       const struct weft_loc *loc);
void weft_wait_may_sleep(struct weft_waiter *w);
/* Given the condition just evaluated: 1 when the wait is over (the
 * condition holds, or the timeout expired); otherwise sleep until the
 * queue is woken after the last prepare (or the timeout fires), prepare
 * again and return 0 so the caller evaluates the condition again.  May
 * block.  A wake-up happens before the sleep it ends. */
int weft_wait_cond(struct weft_waiter *w, int cond);
/* Finish the wait (stop a timeout that has not fired) and return its
 * result: 0 without a timeout; with one, 0 when it expired with the
 * condition false, else the jiffies left (at least 1). */
long weft_wait_end(struct weft_waiter *w);

/* An open-coded wait's entry (the kernel's wait_queue_entry: DEFINE_WAIT,
 * DECLARE_WAITQUEUE), on the waiter's stack; weft keeps where it is with
 * the waiter's thread, one entry per thread.  The waiter sleeps in
 * schedule() while its task state is not TASK_RUNNING; a wake-up of the
 * queue sets the state of each task it wakes running, and takes an
 * autoremove entry (DEFINE_WAIT's) off the queue. */
struct weft_owait {
	int keep;                  /* stays on the queue when woken
				    * (DECLARE_WAITQUEUE's default wake);
				    * 2: and a wake-up sets the entry's
				    * WQ_FLAG_WOKEN (woken_wake_function),
				    * which wait_woken reads */
};
#define WEFT_OWAIT_INIT { 0 }
#define WEFT_OWAIT_KEEP_INIT { 1 }
#define WEFT_OWAIT_WOKEN_INIT { 2 }

/* prepare_to_wait (exclusive: prepare_to_wait_exclusive): a step that
 * puts w on q unless it is on it (an exclusive one at the tail) and sets
 * the caller's task state, both under the queue's lock as in the kernel,
 * so a wake-up after it is not lost.  Never blocks. */
void weft_owait_prepare(struct weft_waitq *q, struct weft_owait *w,
			int state, int exclusive, const struct weft_loc *loc);
/* wait_woken, for an entry of woken_wake_function's that add_wait_queue
 * put on its queue: a step on the queue and the caller's state that sets
 * the state to `state` unless a wake-up came since the last wait_woken
 * (WQ_FLAG_WOKEN), then schedule_timeout(timeout) (< 0: none) if it did
 * not; the state is running and the flag clear after it.  Returns the
 * jiffies left, LONG_MAX (MAX_SCHEDULE_TIMEOUT) when there is no timeout.  May block (misuse in atomic context). */
long weft_owait_woken(struct weft_owait *w, int state, long timeout,
		      const struct weft_loc *loc);
/* finish_wait: a step that sets the caller's task running and takes w off
 * q if a wake-up did not.  Never blocks. */
void weft_owait_finish(struct weft_waitq *q, struct weft_owait *w,
		       const struct weft_loc *loc);
/* add_wait_queue (exclusive: add_wait_queue_exclusive) and
 * remove_wait_queue: the entry on and off q, the task state untouched
 * (the caller sets it, and sleeps in schedule()).  Steps; never block. */
void weft_owait_add(struct weft_waitq *q, struct weft_owait *w,
		    int exclusive, const struct weft_loc *loc);
void weft_owait_remove(struct weft_waitq *q, struct weft_owait *w,
		       const struct weft_loc *loc);

/* Whether some waiter is on q: one that prepared to wait and has been
 * neither woken nor finished (waitqueue_active).  A step that reads the
 * waiters, ordered against every prepare and wake-up of q, but a plain
 * lockless read for the memory order, as in the kernel: a waker that
 * sets the condition and then checks for waiters needs a full barrier
 * in between (wq_has_sleeper), which weft, exploring sequentially
 * consistent orders only, does not find missing.  Never blocks. */
int weft_waitq_active(struct weft_waitq *q, const struct weft_loc *loc);

/* Wake every waiter sleeping on q.  Never blocks; everything before it
 * happens before the woken waiters' next evaluation of their condition. */
void weft_waitq_wake(struct weft_waitq *q, const char *what,
		     const struct weft_loc *loc);
/* The same, but of the exclusive waiters only the first nr on the queue
 * (nr 0: all of them), as wake_up (1), wake_up_nr and wake_up_all (0). */
void weft_waitq_wake_nr(struct weft_waitq *q, int nr, const char *what,
			const struct weft_loc *loc);
/* The same for the sleepers mode wakes: WEFT_WAKE_NORMAL every one (as
 * above), WEFT_WAKE_INTERRUPTIBLE only those in an interruptible wait
 * (wake_up_interruptible: a wait_event's sleeper stays asleep). */
void weft_waitq_wake_mode(struct weft_waitq *q, int nr, int mode,
			  const char *what, const struct weft_loc *loc);

#endif
