/* src/sched/sched.h - the scheduler's state, shared inside the core
 * (sched, explore, cli, report).  Models and detectors use internal.h. */
#ifndef WEFT_SCHED_H
#define WEFT_SCHED_H

#include <setjmp.h>
#include <stdio.h>

#include "internal.h"
#include "arch/switch.h"

enum thread_state { TS_FREE, TS_LIVE, TS_DONE };

#define WEFT__MAX_HELD 48

struct weft__thread {
	int id;
	int state;                 /* enum thread_state */
	unsigned flags;            /* WEFT__THREAD_* */
	const char *name;
	void (*fn)(void *);
	void *arg;
	struct weft__ctx ctx;
	struct weft__stack *stack;
	struct weft__op *pending;  /* operation it is parked at */
	struct weft__op startop;   /* the first pending op after spawn */
	bool spinning;             /* made no progress since last write */
	weft__tset yield_wait;     /* threads that must take a step before
				      this spinner is scheduled again */
	bool joined;
	int spurious;              /* spurious wakeups used this execution */
	const void *wait_obj;      /* condvar-style wait: object waited on */
	int wait_flag;             /* set by the waker */
	const void *spin_obj;      /* last polled object and value seen, */
	long spin_val;             /* to detect polling that sees no change */
	int nheld;                 /* lock-order classes held */
	int held[WEFT__MAX_HELD];
	const struct weft_loc *held_loc[WEFT__MAX_HELD];
	/* The clocks stay last: clear_record (thread.c) clears the fields
	 * before them whole and the clocks only as far as they are used. */
	weft__vclock vc;           /* happens-before clock */
	weft__vclock pvc;          /* the program's own order: thread
				      creation and join only (the lock-order
				      graph ignores orders locks impose) */
};

/* One recorded step of the trace; lives in memory shared with the parent
 * so a crashing worker never loses its schedule. */
struct weft__step {
	int16_t tid;
	int16_t kind;              /* STEP_OP, STEP_CHOICE */
	int32_t value;             /* choice value, or -1 */
	const char *op;
	const char *objname;
	const struct weft_loc *loc;
	const char *note;
};
enum { STEP_OP, STEP_CHOICE };

/* The shared-memory record of one test's exploration, written by the
 * worker and read by the parent. */
#define WEFT__POOL_SIZE (1u << 20)
#define WEFT__MAX_FINDINGS 16
#define WEFT__MAX_NOTES 8
#define WEFT__NOTE_LEN 200
struct weft__finding {
	char kind[32];
	uint64_t key;
	char msg[1024];
};

struct weft__shm {
	volatile int state;       /* SHM_RUNNING, SHM_DONE, SHM_CRASHED */
	int verdict;              /* VERDICT_PASS, _VERIFIED, _BUG */
	long executions;          /* complete executions */
	long pruned;              /* executions cut by a failed assumption */
	long redundant;           /* executions the explorer abandoned as
				     redundant (blocked by sleep sets, or a
				     reversal that cannot run) */
	long limited;             /* executions ended by a limit of weft */
	char reason[64];          /* the first such limit ("step-limit") */
	long total_steps;
	int bound;                /* preemption bound reached, -1 unbounded */
	int fair_bound;           /* fairness bound that cut, -1 none */
	char strategy[32];        /* what actually ran */
	char kind[32];
	char message[1024];
	char detail[8192];
	int detail_len;
	long bug_exec;            /* execution number of the bug */
	double bug_seconds;       /* time to the bug */
	long leaf;                /* split search: the leaf being explored */
	long bug_leaf;            /* the leaf of the bug, -1 none */
	bool bug_fatal;           /* the bug ended its execution (not a
				     finding reported at the end) */
	long split;               /* width of the split search, 0 none */
	bool parts_exact;         /* the parts' counts add up exactly */
	double seconds;
	int crash_signal;
	void *crash_addr;
	void *crash_pc;
	int crash_tid;
	bool crash_stack_overflow;
	/* the current (or failing) execution */
	long nsteps;
	long ndec;
	int preemptions;          /* in the current (or failing) execution */
	int nthreads;
	const char *thread_names[WEFT__MAX_THREADS];
	struct weft__step blocked[WEFT__MAX_THREADS]; /* op == NULL: none */
	bool spawned;             /* some execution created a thread */
	bool shared_seen;         /* two threads touched the same memory or
				     object (shared.c) */
	bool took_over;           /* a part of a split search that restarted
				     (new racing sites) and went on to
				     explore the whole test unsplit */
	int nnotes;               /* statements the verdict rests on */
	uint64_t note_keys[WEFT__MAX_NOTES];
	char notes[WEFT__MAX_NOTES][WEFT__NOTE_LEN];
	int nfindings;
	struct weft__finding findings[WEFT__MAX_FINDINGS];
	int nctx;                 /* replay context of the reported run */
	uint64_t ctx[512];
	size_t pool_used;
	char pool[WEFT__POOL_SIZE];
	long cap;                 /* capacity of dec[] and steps[] */
	/* followed by: uint32_t dec[cap]; struct weft__step steps[cap]; */
};
enum { SHM_RUNNING, SHM_DONE, SHM_CRASHED };
enum { VERDICT_PASS, VERDICT_VERIFIED, VERDICT_BUG, VERDICT_INCONCLUSIVE };

uint32_t *weft__shm_dec(struct weft__shm *s);
struct weft__step *weft__shm_steps(struct weft__shm *s);
struct weft__shm *weft__shm_create(long cap);

/* Outcome of one execution. */
enum exec_result { EXEC_OK, EXEC_BUG, EXEC_PRUNED, EXEC_REDUNDANT,
		   EXEC_LIMIT };

/* Per-execution scheduler state (in persistent memory, reset each time). */
struct weft__exec {
	struct weft__thread th[WEFT__MAX_THREADS];
	int nthreads;
	int cur;                   /* running thread, -1 on the native stack */
	long nsteps;
	int last_tid;              /* thread of the previous step */
	int preemptions;
	int unfair;                /* unfair continuations of spinners */
	long spin_steps;           /* consecutive steps with only spinners */
	bool progress;             /* the last step wrote something */
	int atomic_tid;            /* thread inside an atomic section, -1 */
	int atomic_depth;
	/* The sets computed at the last scheduling point, written in place
	 * word by word (copying them whole right after stalled on store
	 * forwarding), with their sizes. */
	weft__tset enabled;        /* enabled threads */
	weft__tset weak;           /* of those, enabled only spuriously */
	weft__tset deferred;       /* of those, spinners deferred by fairness */
	weft__tset spinning;       /* of those, threads that spun */
	int n_enabled, n_weak, n_deferred, n_spinning;
	enum exec_result result;
	bool in_epilogue;
	jmp_buf epilogue_jmp;
	struct weft__ctx native;   /* the worker's own stack */
	const char *pending_note;
	long exec_no;
	bool pruned;               /* some thread failed an assumption */
};

extern struct weft__exec *weft__X;
extern struct weft__shm *weft__S;
extern const struct weft_test *weft__cur_test;

/* Strategy interface (src/explore/). */
struct weft__strategy {
	const char *name;
	/* Called before each execution; returns false when exploration is
	 * complete (DFS exhausted its tree). */
	bool (*begin)(void);
	/* Pick a thread from eligible (a subset of enabled). */
	int (*pick)(const weft__tset *enabled, const weft__tset *eligible);
	/* Pick a value in [0, n). */
	int (*value)(int n);
	/* Called after each execution with its result. */
	void (*end)(enum exec_result r);
	/* Called at each step after the pick, with the chosen thread (for
	 * DPOR bookkeeping); may be NULL. */
	void (*step)(int tid, const struct weft__op *op);
	bool exhaustive;           /* can conclude "verified" */
	uint8_t parts;             /* how --jobs and --shard divide it */
};
enum {
	WEFT__PARTS_NONE,          /* one process (replay, the bounded dfs) */
	WEFT__PARTS_SEEDS,         /* by executions: each its own seeds */
	WEFT__PARTS_SPLIT,         /* by the leaves of the split search */
};
const struct weft__strategy *weft__strategy_get(const char *name);
/* The names weft__strategy_get knows, "auto, dfs, ...", for messages. */
const char *weft__strategy_names(void);
/* The set of scheduling points grew (weft__points_changed): exhaustive
 * strategies restart their tree at the next execution. */
extern bool weft__restart_pending;
extern const struct weft__strategy *weft__strat;
/* Splitting the exhaustive search into parts (odpor_split.c): a prefix
 * with full branching up to the width (0: no split) ends in leaves, which
 * shards divide statically and the jobs of a process dynamically.  stop,
 * shared by the jobs, is the lowest leaf with a bug; log, if not NULL,
 * gets the worker's counters as each of its leaves begins, so the parent
 * can add up exactly what a single process would have explored up to that
 * bug. */
struct weft__leaf_mark {
	long leaf, executions, pruned, redundant, limited;
};
struct weft__split_log {
	long cap, n;
	bool overflow;
	struct weft__leaf_mark m[];
};
struct weft__split_cfg {
	long width;
	int shard, nshards;       /* static: leaves shard, shard+nshards, ... */
	int job, njobs;           /* of those, each job explores the ones it
				     claims first in claims (a shared bitmap
				     of nclaims bits), past it every njobs-th */
	volatile long *stop;
	volatile long *takeover;  /* shared by the jobs: 0, or 1 + the job
				     that took the search over */
	struct weft__split_log *log;
	uint64_t *claims;
	long nclaims;
};
void weft__split_setup(const struct weft__split_cfg *c);
/* Before each execution. */
void weft__split_begin(void);
/* The execution that just ended belongs to another part: not counted, its
 * findings are that part's. */
bool weft__split_foreign(void);
/* The leaf the current (or last) execution is in; -1 before the first. */
long weft__split_leaf(void);
bool weft__split_active(void);
long weft__split_width(void);
/* DFS helpers for the "auto" strategy and reports. */
int weft__dfs_bound(void);
bool weft__dfs_complete(void);
void weft__strategy_setup(const char *name);
/* The default choice of the exhaustive strategies among avail (a subset of
 * the enabled threads), preferring elig (strategy.c). */
int weft__default_choice(const weft__tset *avail, const weft__tset *elig);

/* Decisions: replay tokens. */
char *weft__token_encode(const char *test, const uint32_t *dec, long n,
			 const uint64_t *ctx, int nctx);
long weft__token_decode(const char *test, const char *tok, uint32_t **out,
			uint64_t **ctx, int *nctx, const char **err);

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
void weft__globals_snapshot(void);
void weft__globals_restore(void);
const char *weft__written_start(const struct weft__region *r, int n);
bool weft__written_each(const struct weft__region *r,
			void (*fn)(const struct weft__region *, char *, size_t),
			bool reprotect);
void weft__written_stop(void);

/* Executions (exec.c). */
enum exec_result weft__run_execution(const struct weft_test *t);
void weft__exec_reset(void);

/* What an execution sets up and resets: the first thread's run from the
 * worker's own stack (sched.c), the per-execution memory (mem.c), the
 * first thread (thread.c: parent NULL gives the test body's stack). */
void weft__sched_start(void);
/* Leave the current execution with result r, back on the worker's own
 * stack (a failure, a pruned or redundant run, or its end; sched.c). */
_Noreturn void weft__end_execution(enum exec_result r);
void weft__exec_mem_reset(void);
int weft__thread_create(void (*fn)(void *), void *arg, const char *name,
			unsigned flags, const struct weft__thread *parent);
void weft__objclock_reset(void);

/* The detectors the scheduler calls directly (src/detect/): the tracked
 * heap (heap.c), the lock-order graph (lockorder.c), and the deadlock
 * report when no thread can run (deadlock.c). */
void weft__heap_reset(void);
const char *weft__heap_name(const void *p); /* NULL: not a tracked block */
void weft__heap_end_check(void);
void weft__lockorder_end(void);
_Noreturn void weft__deadlock_report(void);

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

/* Record thread tid's pending (blocked) operation for the report. */
void weft__note_blocked(int tid);

/* Thread tid performed op: two threads' operations on one object are
 * sharing, which the note on a clean verdict needs (shared.c). */
void weft__shared_op(const struct weft__op *op, int tid);

/* Scheduler internals used by strategies. */
bool weft__thread_enabled(int tid);
bool weft__op_dependent(const struct weft__op *a, const struct weft__op *b);
void weft__clock_step(struct weft__thread *t, const struct weft__op *op);

/* Stacks (src/sched/stack.c). */
struct weft__stack {
	void *base;               /* lowest usable address */
	size_t size;
	void *guard;              /* the PROT_NONE pages below base */
	void *tp;                 /* thread pointer of the fiber's own TLS
				     block (src/arch/tls.c), or NULL */
	bool used;                /* handed out in this execution */
	struct weft__stack *next;
};
/* A stack of at least size bytes (0: --stack-size), free in this
 * execution. */
struct weft__stack *weft__stack_get(size_t size);
/* Give back the stack of a thread that finished (its record is reused). */
void weft__stack_put(struct weft__stack *s);
void weft__stack_put_all(void);
bool weft__addr_in_guard(const void *addr);
/* The same, or a frame so large (a 16 MiB local array on an 8 MiB stack)
 * that the stack pointer sp jumped past the guard: sp and addr lie below
 * a stack's guard, within 1 GiB of it.  Called from a signal handler. */
bool weft__stack_overflowed(const void *addr, const void *sp);
/* Thread stacks of other sizes than --stack-size (src/sched/thread.c;
 * used by the pthread layer). */
int weft__spawn_sized(void (*fn)(void *), void *arg, const char *name,
		      unsigned flags, size_t stack_size,
		      const struct weft_loc *loc);
extern size_t weft__body_stack_size;
void weft__thread_stack(int tid, void **base, size_t *size);

/* Reports (src/report/). */
void weft__report_text(FILE *out, const struct weft_test *t,
		       struct weft__shm *s, const char *argv0);
void weft__report_json(FILE *out, const struct weft_test *t,
		       struct weft__shm *s, const char *argv0);
const char *weft__symbolize(const void *addr);
char *weft__demangle(const char *name, bool function);
void weft__symbols_load(void);

/* Time. */
double weft__now(void);

#endif
