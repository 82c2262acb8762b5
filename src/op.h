/* src/op.h - the visible operation: how a model describes one step of a
 * test thread to the scheduler (struct weft__op), and the calls that make
 * a scheduling point of it.  Part of the internal interface (internal.h
 * includes it); read internal.h's opening comment for the model of
 * execution it belongs to. */
#ifndef WEFT_OP_H
#define WEFT_OP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <weft/weft.h>

#include "tset.h"

/* How an operation touches its object, for partial-order reduction: two
 * operations are dependent when they touch the same obj and at least one
 * is a WRITE.  NONE marks thread-local steps, independent of everything. */
enum weft__access { WEFT__ACC_NONE, WEFT__ACC_READ, WEFT__ACC_WRITE };
/* Or-ed into access_now's read by a trylock or trywait that fails: a
 * failed try synchronizes nothing (C11 7.26.4.5, POSIX), so its read
 * orders as a relaxed load.  weft__access_now strips it. */
#define WEFT__ACC_TRY_FAILED 0x80

struct weft__op;

/* What a step does to a lock, for the lock-order listener (detect/
 * lockorder.c), which keeps each thread's held set and the lock-order
 * graph.  A model describes it on its op, once; the listener applies it
 * as the step is taken, before the model's code after weft__visible()
 * changes the lock's own state. */
enum weft__lock_effect {
	WEFT__LOCK_NONE,
	WEFT__LOCK_ACQUIRE,       /* a blocking acquisition: an edge from
				     every class held */
	WEFT__LOCK_TRY,           /* a try acquisition: held, but no edges
				     (it cannot deadlock) */
	WEFT__LOCK_RELEASE,
};
struct weft__op_lock {
	int cls1;                 /* lock-order class + 1; 0: no lock */
	uint8_t effect;           /* enum weft__lock_effect */
	bool spins;               /* a spinning lock (for sleep checks) */
	const void *obj;          /* the lock in the held set; NULL: the
				     class alone, as lockdep's maps */
	const void *tag;          /* the model's tag in the held set */
};

/* True when the operation can complete now. */
typedef bool (*weft__ready_fn)(const struct weft__op *op);

/* For deadlock reports: write what the blocked operation waits for into
 * buf (e.g. "mutex rtnl_mutex held by ipoib_ib_dev_down") and return the id
 * of the thread it waits for, or -1 when no single thread is to blame. */
typedef int (*weft__waitdesc_fn)(const struct weft__op *op, char *buf,
				 size_t n);

struct weft__op {
	const char *name;         /* as shown in traces: "mutex_lock" */
	const void *obj;          /* the object touched (POR identity) */
	const void *obj2;         /* a second object the same step releases
				     (cond_wait releases the mutex and joins
				     the condvar atomically), or NULL */
	const char *objname;      /* its name for traces, or NULL */
	const void *obj_read;     /* an object the step only reads, for the
				     explorer alone (it orders no clock), or
				     NULL: a spinlock's lock and unlock read
				     the RCU domain whose grace periods'
				     starts write it, as a period waits for
				     the region they begin and end */
	uint8_t access;           /* enum weft__access */
	bool release;             /* a release (unlock, thread exit): every
				     blocked operation it enables was
				     disabled before it, so a blocking op
				     never races with it (counting wakeups
				     such as sem_post are plain writes) */
	bool spin;                /* a read that made no progress (failed
				     trylock, polling load): see weft__spun */
	bool stuck;               /* the park of a thread that loops for ever
				     without a scheduling point: never ready
				     (detect/race_stuck.c) */
	weft__ready_fn ready;     /* NULL: always enabled */
	weft__ready_fn strong;    /* optional: when ready() holds but strong()
				     does not, the op is enabled only by an
				     event that may never come (a spurious
				     wakeup): if every enabled op is of that
				     kind, the state is a deadlock */
	weft__waitdesc_fn waitdesc;
	/* optional: the access the op makes if performed now, when that
	 * depends on the state (a compare-exchange or trylock that would
	 * fail only reads).  Called when the thread has been chosen, so the
	 * answer holds for the step it takes.  A trylock or trywait that
	 * fails adds WEFT__ACC_TRY_FAILED to its read (weft__access_now). */
	uint8_t (*access_now)(const struct weft__op *op);
	/* optional: whether the step is a release if taken now, when that
	 * depends on the state (weft__op.release), asked with access_now. */
	bool (*release_now)(const struct weft__op *op);
	struct weft__op_lock lock; /* the step's lock effect, if any */
	/* optional: the lock effect if the step is taken now, when that
	 * depends on the state (a trylock that fails, a recursive lock that
	 * only counts, an unlock that leaves a recursive mutex held):
	 * returns an enum weft__lock_effect.  Asked once, as the step is
	 * taken. */
	uint8_t (*lock_now)(const struct weft__op *op);
	bool ends_process;        /* ends the process (exit, return from
				     main): conflicts with every step */
	uint8_t liveness;         /* WEFT__LIVE_*: for the explorer, what the
				     step does to the end of the test */
	bool por_write;           /* for the explorer a write of obj, though
				     the clocks see access: a read of state
				     that steps which are reads of each
				     other change (is_locked, or a failed
				     exclusive trylock, against the read
				     sides of an rwlock, which commute with
				     one another) */
	uint8_t order;            /* WEFT__ORDER_*: the C11 memory order of an
				     atomic (0: a synchronising operation,
				     acquire and, for a write, release) */
	bool interruptible;       /* a wait that a step on obj2 ends as well
				     as a release of obj (a signal pending
				     after kthread_stop, a cancel request):
				     it may be enabled before a release of
				     obj, which then races with it (release
				     above) */
	bool timed;               /* a timed wait's wakeup: enabled by its
				     timeout, which no thread brings, so a
				     thread parked at it is not one a busy
				     thread starves (sched.c's starve) */
	bool reenter;             /* a lock taken again by a thread that
				     holds it (a recursive mutex's count, a
				     nested read hold): it takes nothing
				     another thread could take, so it is no
				     acquisition for the partial-order
				     reduction, whose blocking acquisitions
				     race with the hold's first one */
	bool timekeeping;         /* only sleeps, moves or reads the
				     virtual clock: no progress for livelock
				     detection (a loop that only sleeps and
				     polls is still a livelock), no poll of
				     a spin loop's round (fair.c); the
				     thread counts as spinning */
	void *arg;                /* for ready() and waitdesc() */
	long arg2;                /* second argument for callbacks */
	const struct weft_loc *loc;
};

/* The scheduling point.  The caller's op must stay valid until this
 * returns (a local variable is fine).  Returns when the op is enabled and
 * this thread has been chosen to perform it. */
void weft__visible(struct weft__op *op);

/* Memory orders of atomics, for the happens-before the race detector uses
 * (ThreadSanitizer's semantics): a relaxed access neither acquires nor
 * releases; an acquire reads the release clock the object carries; a
 * release store replaces it, a release read-modify-write adds to it. */
enum {
	WEFT__ORDER_EXPLICIT = 1,
	WEFT__ORDER_ACQUIRE = 2,
	WEFT__ORDER_RELEASE = 4,
	WEFT__ORDER_RMW = 8,
	/* A seq_cst atomic access.  Where a load may read depends on the
	 * order of seq_cst fences against seq_cst stores (a fence after a
	 * seq_cst store, in the total order, hides older stores from the
	 * fencing thread's later loads) and against seq_cst loads (which see
	 * what every fence before them makes visible): src/tsan/weak.c.  So
	 * for the explorer such an access also reads the object every
	 * seq_cst fence writes (weft__sc_fence_obj); it orders no clock. */
	WEFT__ORDER_SC = 16,
	/* With WEFT__ORDER_EXPLICIT and no release: a write whose release
	 * is its thread's last release fence (the kernel's relaxed atomics
	 * after smp_wmb or smp_mb, weft__clock_fence_release): a reader
	 * that acquires it is ordered after what the writer did before the
	 * fence, and after nothing when there was none. */
	WEFT__ORDER_FENCED = 32,
	/* The step is also a seq_cst fence (the kernel's smp_mb, a fully
	 * ordered read-modify-write, a grace period's wait), put in S where
	 * the step is: for the explorer alone it writes the object every
	 * seq_cst fence writes (weft__sc_fence_obj), whatever its access
	 * (NONE for a barrier), so the orders of fences and seq_cst
	 * accesses against it are tried (its model tells the clocks'
	 * records, weft__clock_sc_fence); it orders no clock, and as it
	 * changes no access it is no progress for the spin detection.  A
	 * step of its own for the fence would be one more scheduling point
	 * (and, as a write, progress: a cmpxchg spin's livelock ran to the
	 * step limit). */
	WEFT__ORDER_SC_FENCE = 64,
};

/* The test ends when its last thread that is no daemon finishes; the
 * end-of-test checks then read what the daemons left (a work still
 * pending).  A step that makes its thread a daemon or no daemon (a
 * worker taking a work, and finishing it) changes whether a later exit
 * ends the test, so for the explorer it writes the test's liveness and
 * the exit of a thread that is no daemon reads it: the two do not
 * commute, though they touch no common object.  (Exits commute with one
 * another.)  No clock is joined: it orders no memory. */
enum {
	WEFT__LIVE_TOGGLE = 1,
	WEFT__LIVE_EXIT = 2,
};
/* The object that stands for the liveness in the explorer's records. */
const void *weft__liveness_obj(void);
/* The one rule, for two steps' liveness a and b (WEFT__LIVE_* or 0): a
 * write of it does not commute with any use. */
static inline bool weft__live_conflict(uint8_t a, uint8_t b)
{
	return (a == WEFT__LIVE_TOGGLE && b) || (b == WEFT__LIVE_TOGGLE && a);
}

/* Shorthand for the common case of a non-blocking operation. */
void weft__point(const char *name, const void *obj, const char *objname,
		 enum weft__access acc, const struct weft_loc *loc);
/* The same for a release (see weft__op.release). */
void weft__release_point(const char *name, const void *obj,
			 const char *objname, const struct weft_loc *loc);

/* After weft__visible() returns, the op's effect was a read that made no
 * progress (a failed trylock, a poll that saw the same value): the thread
 * is treated as spinning and the explorer prefers other threads until some
 * thread writes something.  Keeps spin loops from hanging exploration. */
void weft__spun(void);
/* The same for a failed try (a trylock or trywait that found the object
 * busy), when it is a loop's: the thread tried at this place before since
 * its last write.  A single try in straight-line code is no spin. */
void weft__spun_tried(void);
/* A scheduling point named what that touches nothing and is a round of
 * a spin (weft__spun): weft_yield, cpu_relax, the kernels' busy waits
 * (sched/thread.c).  Blocks only as a scheduling point does. */
void weft__spin_point(const char *what, const struct weft_loc *loc);
/* The calling thread's step read v from obj: reading again, at a place it
 * polled at before, an (object, value) pair it already polled since its
 * last write (weft__poll_forget) or since a polled value changed is a
 * poll that saw nothing new (weft__spun), whichever objects it polled in
 * between (up to WEFT__POLL_HISTORY of them and of places).  Returns v;
 * does not block. */
long weft__poll(const void *obj, long v);
/* The same for values up to 128 bits wide (lo, hi). */
void weft__poll_wide(const void *obj, uint64_t lo, uint64_t hi);
/* The calling thread wrote shared memory: what it polls next is new to it
 * (a loop that writes is not spinning on what it read before).  Does not
 * block. */
void weft__poll_forget(void);
/* A yield of the processor (a kernel sleep that timed out,
 * cond_resched): weft__spun, and the thread waits until each thread that
 * could run now has taken a step, even if it writes first (its own write
 * does not end the wait, as it ends a spinner's).  Does not block. */
void weft__yield_kept(void);
/* A timed wait (or lock, join, semaphore wait) that gave up, noted on the
 * step: for fairness a poll that saw nothing new (weft__spun), so a retry
 * loop around it lets the other threads run before it times out again
 * instead of timing out forever while they never start.  Does not block. */
void weft__timed_out(void);
/* Whether the calling thread is spinning (weft__spun, and no thread wrote
 * since); and, after weft__visible() returned for a step of a thread that
 * was, that the step's write is no progress: a timed wait's retry loop
 * gives its mutex back and takes it again at each round, which is news to
 * no poller (two waiters timing out in turn counted each other's relocks
 * as progress, so neither was deferred, the thread that would set their
 * flag was not preferred, and a small correct program ended in the step
 * limit).  Neither blocks. */
bool weft__self_spinning(void);
void weft__step_no_progress(bool was_spinning);

/* The calling thread read something that changed since it last looked
 * (the virtual clock): it is not spinning. */
void weft__saw_change(void);

/* The calling thread changed shared memory outside a visible operation (an
 * instrumented plain write): spinning threads may progress, as after a
 * write step.  Cheap; called by the race detector on writes. */
void weft__note_progress(void);

/* An op's ready that never answers yes: the op blocks for good (a failed
 * assumption, a loop parked for ever, a second kthread_stop).  Reads
 * nothing. */
bool weft__never_ready(const struct weft__op *op);

/* Attach a short result to the step just taken, shown in the trace after
 * the operation (e.g. "= 0", "busy", "timeout").  s must be a literal or
 * interned in this execution (weft__intern). */
void weft__step_note(const char *s);

/* An explored nondeterministic choice in [0, n).  what names it in traces
 * (a literal).  weft__choose_on's step is a write of obj for the
 * partial-order reduction (ordering no clock), for a model that changes
 * obj's state after the choice, before its next scheduling point: as a
 * step on no object the explorer took it for independent of the other
 * threads' steps on obj.  May block (a scheduling point). */
int weft__choose(int n, const char *what, const struct weft_loc *loc);
int weft__choose_on(int n, const char *what, const void *obj,
		    const struct weft_loc *loc);
/* The same choice without a scheduling point of its own: it belongs to
 * the step the calling thread just took (which store its load read). */
int weft__choose_here(int n);
/* weft__choose(2, ...) of whether a timed wait times out now (1: it
 * does), told apart for the explorer's give-up probe, whose spinner,
 * run alone while the others are slow, times out where it can
 * (weft__choosing_timeout is set during the choice).  May block. */
int weft__choose_timeout(const char *what, const struct weft_loc *loc);
extern bool weft__choosing_timeout;

/* An atomic section: until the matching weft__atomic_end, no other thread
 * is scheduled while the calling thread can run (sections nest).  If the
 * thread blocks inside, others run but none enters a section.  Both are
 * scheduling points on one section object (so sections are ordered by
 * happens-before); begin blocks while another thread is inside. */
void weft__atomic_begin(const char *name, const struct weft_loc *loc);
void weft__atomic_end(const char *name, const struct weft_loc *loc);
/* The object entering and leaving a section are steps on: entering one
 * commutes with no step of another thread (the explorer's dependence). */
const void *weft__atomic_section_obj(void);
/* The object a seq_cst fence's step writes and, for the explorer's
 * dependence only, a seq_cst atomic access's step reads
 * (WEFT__ORDER_SC). */
const void *weft__sc_fence_obj(void);

/* op's access if taken now (op->access_now's answer without
 * WEFT__ACC_TRY_FAILED); *failed, if given, says whether it is a failed
 * try.  Does not block. */
static inline uint8_t weft__access_now(const struct weft__op *op,
				       bool *failed)
{
	uint8_t a = op->access_now(op);

	if (failed)
		*failed = (a & WEFT__ACC_TRY_FAILED) != 0;
	return (uint8_t)(a & ~WEFT__ACC_TRY_FAILED);
}

#endif
