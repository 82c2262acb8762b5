/* src/record.h - the record of one test's exploration, in memory shared
 * between a worker and the parent: the worker's scheduler, explorer and
 * detectors write it as they go, and the parent's run loop and reports
 * read it, even after the worker crashed.
 *
 * The record has two parts.  The verdict (struct weft__verdict) is what
 * the run concluded: its state, the verdict, the counts, the kind, message
 * and details of the bug, the findings and notes, the crash facts, the
 * timing and the split search's bookkeeping.  The trace (struct
 * weft__trace) is the current execution, or the failing one once the run
 * ends: its decisions and steps, its threads' names, what each blocked
 * thread waits in, the replay context of its token, and the string pool
 * its steps point into.
 *
 * The pool belongs to the trace: the steps, thread names and blocked
 * operations point into it (as do the names models and detectors intern
 * for the running execution), it is rewound when an execution starts
 * (weft__exec_reset) and it is saved and put back with the rest of the
 * trace when a finding's execution is kept (src/explore/loop.c).  The
 * verdict holds copies of its text (kind, message, details, findings,
 * notes), never pointers into the pool, so it reads the same whatever
 * execution the trace holds.
 *
 * Both parts live in one mapping, struct weft__shm below, made once per
 * job before the worker is forked: a crashing worker must lose neither,
 * and the parent reaches both from the one pointer a job keeps (a pair of
 * pointers would have to be kept together everywhere a job's record goes:
 * the jobs' table, the merge of parts, the reports).  Code that works on
 * one part takes or names only that part (comparing two jobs' verdicts,
 * recording a step, interning a name); code that needs both (the reports,
 * the exploration loop, turning a crash into a bug) takes the container
 * and says S->v or S->t at each use. */
#ifndef WEFT_RECORD_H
#define WEFT_RECORD_H

#include <stddef.h>

#include "internal.h"

/* One recorded step of the trace; lives in memory shared with the parent
 * so a crashing worker never loses its schedule. */
struct weft__step {
	int16_t tid;
	int8_t kind;               /* STEP_OP, STEP_CHOICE */
	uint8_t acc;               /* how it touched obj (enum weft__access):
				      give-up probes' place keys
				      (odpor_giveup.c) */
	int32_t value;             /* choice value, or -1 */
	const void *obj;           /* the object it touched */
	const char *op;
	const char *objname;
	const struct weft_loc *loc;
	const char *note;
};
enum { STEP_OP, STEP_CHOICE };

#define WEFT__POOL_SIZE (1u << 20)
#define WEFT__LOCS_SIZE (1u << 19)
#define WEFT__MAX_FINDINGS 16
#define WEFT__MAX_NOTES 8
#define WEFT__NOTE_LEN 320
struct weft__finding {
	char kind[64];
	uint64_t key;
	char msg[1024];
};

/* What the run concluded, and the counts it rests on. */
struct weft__verdict {
	volatile int state;       /* SHM_RUNNING, SHM_DONE, SHM_CRASHED */
	int verdict;              /* VERDICT_PASS, _VERIFIED, _BUG */
	long executions;          /* complete executions */
	long pruned;              /* executions cut by a failed assumption */
	long redundant;           /* executions the explorer abandoned as
				     redundant (blocked by sleep sets, or a
				     reversal that cannot run) */
	long limited;             /* executions ended by a limit of weft */
	char reason[64];          /* the first such limit ("step-limit") */
	char limit_first[64];     /* the kind of the first limit that ended
				     an execution, kept when the verdict's
				     reason becomes another (asm-atomics),
				     for the count line */
	/* The replay token of the execution that produced the finding the
	 * verdict would name, kept here as well as in the worker's memory:
	 * a worker killed in a later execution (a hang) loses the latter,
	 * and the finding is still a bug (weft__report_ending).  Empty when
	 * the token does not fit. */
	char found_token[2048];
	int found_nfind;          /* findings made up to that execution */
	long total_steps;
	int bound;                /* preemption bound reached, -1 unbounded */
	int fair_bound;           /* fairness bound that cut, -1 none */
	long stale_bound;         /* the --stale-bound some execution of the
				     search had to keep to (-1: none did) */
	long starve_bound;        /* with fair_bound: the --starve-bound some
				     thread ran into (so a cut unfair
				     continuation may have been a busy
				     thread's, not a spinner's), -1 none */
	bool inputs_sampled;      /* some input was drawn from a sample of
				     its values (SV-COMP's nondet calls): a
				     verification holds for those only */
	bool bug_probe;           /* the bug's execution was a give-up probe
				     (odpor_giveup.c), not a schedule of the
				     search */
	unsigned unexplored;      /* WEFT__UNEXPLORED(ID) bits: what the
				     weak-memory model left out mattered
				     somewhere (src/unexplored.def) */
	bool spurious_capped;     /* a thread's one spurious wakeup or weak
				     compare-exchange failure of the
				     execution was spent where the program
				     could have had another: a bound the
				     verification holds within */
	char strategy[32];        /* what actually ran */
	char kind[64];            /* a bug kind, or a limit's reason, which
				     may be long ("unsupported: poll()
				     with a timeout": 32 bytes cut it) */
	char message[1024];
	char detail[8192];        /* the detectors' explanation of the bug,
				     emptied as each execution starts */
	int detail_len;
	long bug_exec;            /* execution number of the bug */
	double bug_seconds;       /* time to the bug */
	long leaf;                /* split search: the leaf being explored */
	long bug_leaf;            /* the leaf of the bug, -1 none */
	bool token_kept;          /* the bug's trace is lost: its replay is
				     found_token (weft__report_ending) */
	bool bug_fatal;           /* the bug ended its execution (not a
				     finding reported at the end) */
	long split;               /* width of the split search, 0 none */
	bool parts_exact;         /* the parts' counts add up exactly */
	double seconds;
	int crash_signal;
	bool crash_sent;          /* sent (raise, kill), not a fault: no
				     faulting address */
	void *crash_addr;
	void *crash_pc;
	int crash_tid;
	void *stuck_pc;           /* where the watchdog last found a test
				     thread that took no step for a while,
				     in the program's code (race_stuck.c),
				     or NULL; this execution's only */
	int stuck_tid;
	void *stuck_callers[8];   /* the return addresses above stuck_pc,
				     innermost first (NULL after the last):
				     the program's call when stuck_pc is the
				     C library's code */
	bool crash_stack_overflow;
	bool crash_default_stack; /* the overflowing thread had the
				     default --stack-size of a WEFT_TEST
				     thread (no size the program asked) */
	void *crash_call;         /* the crashing thread's innermost
				     instrumented call site, or NULL */
	void *crash_callers[8];   /* the return addresses above the crashing
				     code, innermost first, as the handler
				     unwound them (NULL after the last) */
	bool spawned;             /* some execution created a thread */
	bool shared_seen;         /* two threads touched the same memory or
				     object (shared.c) */
	bool took_over;           /* a part of a split search that restarted
				     (new racing sites) and went on to
				     explore the whole test unsplit */
	bool abandoned;           /* a deeper round of the fairness bound
				     that this part (or, merged, some part)
				     gave up: the round before stands */
	/* A library of the program's own (built with weft-cc) that the
	 * test opened with dlopen, which was not loaded yet: the worker
	 * stops at once, and the parent loads it before exploring the test
	 * again (cli/jobs.c), so that every execution starts with it loaded
	 * and its statics as the loader left them.  Empty: none. */
	char preload[4096];
	int preload_mode;
	int nnotes;               /* statements the verdict rests on */
	uint64_t note_keys[WEFT__MAX_NOTES];
	char notes[WEFT__MAX_NOTES][WEFT__NOTE_LEN];
	int nfindings;
	struct weft__finding findings[WEFT__MAX_FINDINGS];
};

/* The current (or failing) execution.  Its decisions and steps follow the
 * record in the same mapping (weft__trace_dec, weft__trace_steps:
 * src/cli/worker.c), cap of each. */
struct weft__trace {
	long nsteps;
	long ndec;
	int preemptions;
	int nthreads;
	long stale_reads;         /* loads that read an older store than the
				     latest (weak memory; --stale-bound) */
	const char *thread_names[WEFT__MAX_THREADS];
	struct weft__step blocked[WEFT__MAX_THREADS]; /* op == NULL: none */
	int nctx;                 /* replay context of the reported run */
	uint64_t ctx[512];
	size_t pool_used;
	char pool[WEFT__POOL_SIZE];
	/* Source locations kept for the worker's life (weft__keep_loc), not
	 * rewound with the pool at each execution: an untouched page of the
	 * mapping costs nothing. */
	size_t locs_used;
	char locs[WEFT__LOCS_SIZE];
	long cap;                 /* capacity of the decisions and steps */
};

/* The mapping of one job: the trace comes last, so that its decisions and
 * steps can follow it. */
struct weft__shm {
	struct weft__verdict v;
	struct weft__trace t;
	/* followed by: uint32_t dec[cap]; struct weft__step steps[cap]; */
};
_Static_assert(offsetof(struct weft__shm, t) + sizeof(struct weft__trace) ==
		       sizeof(struct weft__shm),
	       "the trace ends the shared record");
enum { SHM_RUNNING, SHM_DONE, SHM_CRASHED };
enum { VERDICT_PASS, VERDICT_VERIFIED, VERDICT_BUG, VERDICT_INCONCLUSIVE };

uint32_t *weft__trace_dec(struct weft__trace *t);
struct weft__step *weft__trace_steps(struct weft__trace *t);
struct weft__shm *weft__shm_create(long cap);

/* The record of the test the worker is exploring (in the parent: none). */
extern struct weft__shm *weft__S;
/* In the parent, the record of the last test reported (cli/run.c): the
 * output shown under the report is that job's (pthread/output.c). */
extern const struct weft__shm *weft__reported;

#endif
