/* src/sched/sched.h - the scheduler's own state: threads, the execution,
 * stacks, clocks.  The record it writes is record.h's, the strategies it
 * asks are explore.h's, the reports report.h's.  Models and detectors use
 * internal.h; the files outside src/sched that still include this header
 * read the thread or execution state directly (issue 13). */
#ifndef WEFT_SCHED_H
#define WEFT_SCHED_H

#include <setjmp.h>
#include <stdio.h>

#include "internal.h"
#include "record.h"
#include "arch/switch.h"
#include "explore/explore.h"
#include "report/report.h"
#include "sched/run.h"

enum thread_state { TS_FREE, TS_LIVE, TS_DONE };

/* The most places of a spin loop that runs alone (lone.c). */
#define WEFT__LONE_SITES 64

/* A thread's poll history (point.c): loops that poll up to this many
 * objects in turn are seen spinning (a longer round evicts its oldest
 * pair before it comes round again).  Each pair is a polled object and
 * the value read, up to 128 bits (lo, hi). */
#define WEFT__POLL_HISTORY 8
#define WEFT__ROUND_OBJS 4
#define WEFT__TRY_SITES 4
struct weft__polled {
	const void *obj;
	uint64_t lo, hi;
	uint32_t at;              /* the thread's poll count at its last read */
};


struct weft__thread {
	int id;
	int state;                 /* enum thread_state */
	unsigned flags;            /* WEFT__THREAD_* */
	/* Beside state: every scheduling point reads both of every thread. */
	struct weft__op *pending;  /* operation it is parked at */
	const char *name;
	void (*fn)(void *);
	void *arg;
	struct weft__ctx ctx;
	struct weft__stack *stack;
	struct weft__op startop;   /* the first pending op after spawn */
	bool spinning;             /* made no progress since last write */
	/* The objects the current round of its spin loop polled, and the
	 * steps since the round began that polled nothing: a round is one
	 * unfair continuation (record_step in sched.c). */
	uint8_t nround;
	uint8_t free_run;
	const void *round_obj[WEFT__ROUND_OBJS];
	weft__tset yield_wait;     /* threads that must take a step before
				      this spinner is scheduled again */
	weft__tset starve_wait;    /* the same for a thread that ran
				      --starve-bound steps while they could
				      run (see starve in sched.c) */
	bool joined;
	bool timed_wait;           /* inside a timed wait's untimed branch
				      (weft__timed_wait) */
	/* Cancellation (weft__cancel_point): the object a pthread_cancel of
	 * the thread writes, while it waits at a cancellation point (NULL
	 * elsewhere), and whether a cancel request it acts on is pending. */
	const void *cancel_obj;
	bool cancel_wake;
	uint16_t race_ignore;      /* weft_race_ignore_begin's depth */
	bool seq_section;          /* inside a seqlock read section: one
				      level of race_ignore (point.c) */
	size_t stack_asked;        /* the stack the program asked for
				      (weft__stack_asked), or 0 */
	uint32_t serial;           /* threads created before it in this
				      execution (weft__thread_serial) */
	int32_t key;               /* its creation path (thread_key.c) */
	long born;                 /* steps taken before its creation */
	uint32_t nchild;           /* threads it created so far */
	/* The (object, value) pairs the thread polled since it last wrote
	 * or saw a polled value change (point.c): reading one of them again,
	 * with nothing new read since, is spinning. */
	uint8_t npolled, poll_next;
	uint32_t npolls;           /* polls so far, and at the last one */
	uint32_t poll_new;         /* that read a pair not in polled[] */
	struct weft__polled polled[WEFT__POLL_HISTORY];
	/* The places of its polls since it last wrote (the locations of
	 * their steps): only a poll at one of them again can be a spin. */
	const void *poll_sites[WEFT__POLL_HISTORY];
	uint8_t nsites, site_next;
	/* The places of its failed tries (weft__spun_tried), kept across
	 * its writes: a retry loop that counts its attempts writes between
	 * tries. */
	const void *try_sites[WEFT__TRY_SITES];
	uint8_t try_next;
	/* A signal chose the thread, blocked in a wait it interrupts
	 * (weft__intr_wake): the wait ends as for a cancel request.  (Cold
	 * fields stay out of the hot start of the record: two here, before
	 * it, cost the core workload 3% more instructions.) */
	bool intr_wake;
	int awaited_by;            /* the spawner waiting for its start
				      (WEFT__THREAD_AWAITED), or -1 */
	/* The clocks stay last: clear_record (thread.c) clears the fields
	 * before them whole and the clocks only as far as they are used. */
	weft__vclock vc;           /* happens-before clock */
	weft__vclock pvc;          /* the program's own order: thread
				      creation and join only (the lock-order
				      graph ignores orders locks impose) */
};

/* Per-execution scheduler state (in persistent memory, reset each time). */
struct weft__exec {
	struct weft__thread th[WEFT__MAX_THREADS];
	int nthreads;
	/* What sends a scheduling point to sched.c's general path
	 * (choose_general, see ordinary()), side by side so that the test
	 * at every step reads a few words, not ten fields on four cache
	 * lines.  The unions name the words it reads. */
	union {
		struct {
			/* Plain writes since the last scheduling point while
			 * a thread may be spinning, with each word's value
			 * before (weft__note_write, pw): progress if one
			 * differs at the next point. */
			int npw;
			bool starve_any; /* some thread waited for others
					    after --starve-bound steps (this
					    execution) */
			bool spin_any;   /* some thread may be spinning or
					    wait for others to yield
					    (weft__spun, a timekeeping step):
					    until then the scheduler skips
					    the fairness loops */
			bool late;       /* past half of --max-steps (below) */
			bool flags_pad_; /* zero: read with the others */
		};
		uint64_t flags_word;
	};
	union {
		struct {
			/* Of the enabled threads at the last scheduling
			 * point (below), the deferred and the spinning. */
			int n_deferred, n_spinning;
		};
		uint64_t fair_word;
	};
	int atomic_tid;            /* thread inside an atomic section, -1 */
	int alone_tid;             /* spinner run alone until it leaves its
				      loop (weft__sched_alone), -1 */
	long spin_steps;           /* consecutive steps with only spinners */
	int cur;                   /* running thread, -1 on the native stack */
	long nsteps;
	int last_tid;              /* thread of the previous step (the
				      spawner after the start of an awaited
				      thread, WEFT__THREAD_AWAITED: thread.c) */
	int preemptions;
	int unfair;                /* unfair continuations of spinners */
	long spin_from;            /* the first step of them */
	bool lone_jumped;          /* the spin's clock jumped (lone.c) */
	long lone_polls;           /* of those, the rounds taken alone and
				      not recorded (sched.c) */
	/* The places of that thread's spin loop, or -1 before they are
	 * gathered (lone.c). */
	int n_lone_sites;
	const struct weft_loc *lone_site[WEFT__LONE_SITES];
	bool progress;             /* the last step wrote something */
	bool bound_held;           /* a bound of weft's held an event back
				      (weft__bound_held) */
	uint64_t outside_sigs;     /* signals from outside the process with
				      a handler, not sent by the program
				      nor by the scheduler yet
				      (weft__signal_handled) */
	int outside_now;           /* the one the next step's thread takes
				      (weft__livelock_outside), or 0, with
				      WEFT__SIG_DUE when a thread was chosen
				      to take a signal sent to the process
				      (weft__signal_due): the end of every
				      step tests this one word */
	uint64_t outside_done;     /* those the scheduler sent */
	struct {
		const uint64_t *word;
		uint64_t old;
	} pw[8];
	bool last_poll;            /* the last step polled (touched an
				      object): a spin after it begins a
				      round of a spin loop (point.c) */
	const void *last_poll_obj; /* the object it touched */
	long run_len;              /* consecutive steps of last_tid while
				      another thread could run */
	/* The live threads among the first 64, and the live threads that
	 * are no daemons (the execution goes on while there is one): kept
	 * as threads start, end and change flags, so that a scheduling
	 * point of a small execution visits only the live threads. */
	uint64_t live_small;
	int n_work;
	/* th[i].pending of the first 64 threads side by side, which the
	 * scheduling point reads for every live thread: one cache line for
	 * eight threads, not a record of 2.7 KB each (set_pending). */
	const struct weft__op *pend[64];
	/* Their ready() and strong() beside them, and which of the 64 have an
	 * op at all: most pending ops need neither, and the scheduler then
	 * decides without reading the op, which lies on its thread's stack
	 * (a load from another stack per thread per step was a tenth of the
	 * kernel workload's scheduling time). */
	weft__ready_fn pend_ready[64];
	weft__ready_fn pend_strong[64];
	uint64_t pend_mask;
	/* Which of them have a ready() or a strong() (a bit may be left
	 * set where pend_mask's is clear): the others are enabled without a
	 * visit of the scheduler's loop, which cost a third of its rounds
	 * in the kernel workload. */
	uint64_t pend_cond;
	/* Threads (of the first 64) asleep: their pending op's ready() says
	 * no until an event takes them out, so the scheduler need not ask it
	 * at every step.  A join for a thread that has not finished, which
	 * join_tgt names, cannot be ready before that thread's exit step
	 * (weft__thread_exit_current; a main thread that joins its workers
	 * was asked at every step of theirs); a thread that went to sleep
	 * with weft__sched_sleep (join_tgt -1: an idle workqueue worker) is
	 * woken by weft__sched_wake. */
	uint64_t sleep_mask;
	int16_t join_tgt[64];
	/* The step at which steps_left looks again: half of --max-steps,
	 * then --max-steps.  From the half on (late) every scheduling point
	 * takes the general path and adds its enabled set to late_en, so
	 * that the step limit can tell a thread blocked all along from one
	 * that could have run and was starved (slow.c's long_waiter). */
	long step_mark;
	weft__tset late_en;
	int atomic_depth;
	long alone_steps;          /* its steps alone so far */
	bool alone_slept;          /* the clock ran for it (slow.c) */
	long alone_from;           /* the decision its run alone began at,
				      -1 (for a replay: WEFT__CTX_ALONE) */
	int alone_first;           /* and its thread */
	/* The sets computed at the last scheduling point, written in place
	 * word by word (copying them whole right after stalled on store
	 * forwarding), with their sizes. */
	weft__tset enabled;        /* enabled threads */
	weft__tset weak;           /* of those, enabled only spuriously */
	weft__tset deferred;       /* of those, spinners deferred by fairness */
	weft__tset costly;         /* of those, the ones whose step now is an
				      unfair continuation (sched.c) */
	weft__tset spinning;       /* of those, threads that spun */
	int n_enabled, n_weak;
	enum exec_result result;
	bool in_epilogue;
	jmp_buf epilogue_jmp;
	struct weft__ctx native;   /* the worker's own stack */
	const char *pending_note;
	long exec_no;
	bool pruned;               /* some thread failed an assumption */
	bool blocked_off;          /* it deadlocked, under --deadlocks=off */
};

extern struct weft__exec *weft__X;

/* The program's data (globals.c): saved once in the worker, put back
 * before every execution, by written pages where the kernel tells them
 * (written.c: start gives NULL, or why it cannot; each calls fn on the
 * written pages of r, clipped to r, and may protect them again; false if
 * the kernel could not say). */
struct weft__region {
	char *addr;
	size_t len;
	char *saved;
};
void weft__globals_restore(void);
const char *weft__written_start(const struct weft__region *r, int n);
bool weft__written_each(const struct weft__region *r,
			void (*fn)(const struct weft__region *, char *, size_t),
			bool reprotect);
void weft__written_stop(void);

/* Executions (exec.c). */
void weft__exec_reset(void);

/* Make tid (-1: none, the native stack) the running thread: X->cur and
 * the race detector's view of it, weft__running (point.c).  Its stack must
 * be set already: a thread's stack does not change while it runs. */
void weft__set_running(int tid);

/* What an execution sets up and resets: the first thread's run from the
 * worker's own stack (sched.c), the per-execution memory (mem.c), the
 * first thread (thread.c: parent NULL gives the test body's stack). */
void weft__sched_start(void);
void weft__exec_mem_reset(void);
int weft__thread_create(void (*fn)(void *), void *arg, const char *name,
			unsigned flags, const struct weft__thread *parent);
void weft__objclock_reset(void);

/* Telling the listeners of src/listeners.def of an execution's begin,
 * a step taken by thread tid, the execution's end (every thread
 * finished) and its being over, however it ended (listen.c). */
void weft__listeners_begin(void);
void weft__listeners_chosen(int tid, const struct weft__op *op);
void weft__listeners_step(int tid, const struct weft__op *op);
void weft__listeners_end(void);
void weft__listeners_done(void);

/* Fair scheduling (fair.c).  weft__fair_sets computes X's deferred and
 * spinning sets once its enabled set is known; weft__fair_round_robin is
 * the preferred thread when fairness defers all of set; weft__fair_step
 * records that tid takes the step chosen (the threads waiting for it stop
 * waiting; a thread that ran --starve-bound steps while others could run
 * starts to wait for them). */
void weft__fair_sets(struct weft__exec *X);
int weft__fair_round_robin(const weft__tset *set);
void weft__fair_step(struct weft__exec *X, int tid);
/* A WEFT__ORDER_FENCED write of t to the object of record r (fence.c):
 * it releases what t's last release fence saw.  Does not block. */
void weft__clock_fenced_release(struct weft__thread *t,
				struct weft__objrec *r,
				const struct weft__op *op);
/* Thread t's next operation (NULL: none; it runs or has ended), kept
 * in its record and, for the first 64, in X->pend. */
static inline void weft__set_pending(struct weft__exec *X,
				     struct weft__thread *t,
				     struct weft__op *op)
{
	t->pending = op;
	if (t->id < 64) {
		uint64_t bit = (uint64_t)1 << t->id;
		X->pend[t->id] = op;
		if (op) {
			X->pend_ready[t->id] = op->ready;
			X->pend_strong[t->id] = op->strong;
			X->pend_mask |= bit;
			X->pend_cond = (X->pend_cond & ~bit) |
				       ((uint64_t)(op->ready || op->strong)
					<< t->id);
		} else {
			X->pend_mask &= ~bit;
		}
	}
}
/* Rounds of spin loops (fair.c): whether op touches an object (a poll);
 * whether thread t's step op, not eligible, costs an unfair continuation;
 * the round's bookkeeping once it is taken (paid: it cost one); X's
 * costly set, of the threads not in elig whose step now costs one. */
static inline bool weft__fair_poll_step(const struct weft__op *op)
{
	return op->access != WEFT__ACC_NONE && !op->timekeeping;
}
bool weft__fair_unfair_cost(const struct weft__thread *t,
			    const struct weft__op *op);
void weft__fair_round_step(struct weft__thread *t, const struct weft__op *op,
			   bool paid);
void weft__fair_costly(struct weft__exec *X, const weft__tset *elig);
/* Clock reads made in lone rounds since the spin began (counted by
 * weft__lone_clock_read, reset by weft__livelock_reset), and the jump of
 * the virtual clock the next such read makes (ns; lone.c's clock_jump
 * sets it): sched.c. */
extern long weft__lone_clock_reads;
extern long long weft__lone_jump;
/* Every runnable thread has spun long enough to run alone, if it were
 * alone (sched.c): their clock reads move time as a lone spin's do. */
extern bool weft__spin_wait;
/* The step being taken is an unfair continuation of a spinning thread
 * (a round while others could run, sched.c); weft__unfair_step_take
 * (internal.h) reads it once. */
extern bool weft__unfair_step;

/* weft__choose_on's step, op, made a choice in [0, n) (n positive):
 * the step is op as given (its name is the trace's row, a choice of
 * value), for a choice that is an operation of its own, such as an
 * allocation that fails (alloc_fail.c).  May block (a scheduling
 * point). */
int weft__choose_op(struct weft__op *op, int n);

/* The scheduler's slow paths (slow.c), for choose_general in sched.c:
 * the live and enabled sets of an execution of more than 64 threads
 * (weft__sched_live answers whether a non-daemon thread lives); whether
 * a live thread waits in a timed wait's branch that does not time out;
 * the end of an execution where nothing can run but spuriously (never
 * returns); the choice narrowed to thread tid (an atomic section) or to
 * the thread run alone (weft__sched_alone); half of --max-steps reached,
 * or all of it, and the step limit's report (never returns). */
bool weft__sched_live(struct weft__exec *X, weft__tset *live);
void weft__sched_enabled_all(struct weft__exec *X, const weft__tset *live);
bool weft__sched_timed_waiter(const struct weft__exec *X);
_Noreturn void weft__sched_stuck(struct weft__exec *X);
void weft__sched_only(struct weft__exec *X, int tid);
void weft__sched_alone_turn(struct weft__exec *X);
void weft__sched_step_mark(struct weft__exec *X);
_Noreturn void weft__sched_step_limit(void);
/* A spin loop running alone (lone.c): the thread whose lone round runs
 * next, or -1 for an ordinary choice; may end the execution. */
int weft__sched_spin_turn(struct weft__exec *X, int spun);

/* Livelock (livelock.c): checked at each choice with X's sets known
 * (how far every runnable thread has spun: 0, 1 long enough to run
 * alone, 2 past --spin-bound); a lone round is counted, and a livelock
 * reported (never returns), for choose_next in sched.c. */
int weft__livelock_check(struct weft__exec *X);
void weft__livelock_reset(struct weft__exec *X);
bool weft__livelock_lone(struct weft__exec *X);
_Noreturn void weft__livelock_report(struct weft__exec *X, bool lone);
/* Instead of a livelock: a signal from outside the process that the
 * program has a handler for and no thread sent, sent now (true; the spin
 * counts start again), once per signal and execution.  Delivered by
 * weft__outside_take on the thread whose step ends next. */
bool weft__livelock_outside(struct weft__exec *X);
#define WEFT__SIG_DUE 0x100
void weft__outside_take(struct weft__exec *X);
/* Some thread of this run waited for others after --starve-bound steps:
 * a verification rests on that bound (shared.c). */
void weft__verdict_starved(void);
/* A thread finished: its stack is dead until its record is used again
 * (thread_info.c, for weft__in_dead_stack); reset with each execution. */
void weft__dead_stack_add(const struct weft__thread *t);
void weft__dead_stacks_reset(void);

/* AddressSanitizer builds: tell it about fiber switches and fresh stacks
 * (asan.c; no-ops otherwise). */
void weft__asan_enter(void);
void weft__asan_fresh_stack(void *base, size_t size);
/* Built with AddressSanitizer: context switches go through
 * weft__asan_switch (asan.c), which tells it about the stacks. */
#if defined(__SANITIZE_ADDRESS__)
#define WEFT__ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WEFT__ASAN 1
#endif
#endif
#ifdef WEFT__ASAN
void weft__asan_switch(struct weft__ctx *from, struct weft__ctx *to,
		       const struct weft__stack *dst);
#endif


/* Stacks (src/sched/stack.c). */
struct weft__stack {
	void *base;               /* lowest usable address */
	size_t size;
	void *guard;              /* the PROT_NONE pages below base */
	void *tp;                 /* thread pointer of the fiber's own TLS
				     block (src/arch/tls.c), or NULL */
	bool used;                /* handed out in this execution */
	char *prot_hi;            /* the end of the part above base kept
				     inaccessible, the room below the size
				     the thread asked for (base: none) */
	size_t color;             /* bytes left unused at the top */
	struct weft__stack *next;
};
/* The key of the thread created parent_key's rank-th (-1: by weft, the
 * body and set-up hooks' threads), the same in every execution of the
 * process; a new one the first time (thread_key.c).  More than
 * WEFT__MAX_KEYS is a limit of weft.  bind makes record id's key find the
 * record in this execution (weft__thread_of_key). */
#define WEFT__MAX_KEYS 32767
int weft__thread_key_of(int parent_key, int rank);
void weft__thread_key_bind(int id);
/* A stack of at least size bytes (0: --stack-size), free in this
 * execution. */
struct weft__stack *weft__stack_get(size_t size);
/* Give back the stack of a thread that finished (its record is reused). */
void weft__stack_put(struct weft__stack *s);
void weft__stack_put_all(void);
/* Whether a page of s below hi is in memory; take such pages out
 * (stack.c: the bottom of a stack larger than its thread asked for,
 * which only a stack overflow of the program reaches). */
bool weft__stack_touched_below(const struct weft__stack *s, const char *hi);
void weft__stack_forget_below(const struct weft__stack *s, const char *hi);
/* Make the part of s below hi (page-aligned down) inaccessible, as its
 * guard is, and the rest accessible: a fault there is a stack overflow
 * (weft__addr_in_guard).  A system call only when the part changes.
 * False when it cannot (the caller checks the pages instead). */
bool weft__stack_protect_below(struct weft__stack *s, const char *hi);
/* Whether the part of s below hi is inaccessible as that made it. */
bool weft__stack_protected_below(const struct weft__stack *s, const char *hi);
/* A thread that ends (returned, or pthread_exit) having used more stack
 * than it asked for is a stack overflow (thread.c). */
void weft__stack_check_end(const struct weft__thread *t);
bool weft__addr_in_guard(const void *addr);
/* Thread stacks of other sizes than --stack-size (src/sched/thread.c;
 * used by the pthread layer). */
int weft__spawn_sized(void (*fn)(void *), void *arg, const char *name,
		      unsigned flags, size_t stack_size,
		      const struct weft_loc *loc);
extern size_t weft__body_stack_size;
void weft__thread_stack(int tid, void **base, size_t *size);

/* The plain writes noted since the last scheduling point (point.c): any
 * that changed its word is progress. */
void weft__writes_settle(struct weft__exec *X);

#endif
