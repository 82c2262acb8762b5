/* src/record.h - the record of one test's exploration, in memory shared
 * between a worker and the parent: the worker's scheduler, explorer and
 * detectors write it as they go (the verdict, the counts, the findings,
 * the decisions and the trace of the current or failing execution), and
 * the parent's run loop and reports read it, even after the worker
 * crashed.  The decisions and trace steps follow the structure in the
 * same mapping (weft__shm_dec, weft__shm_steps: src/cli/worker.c). */
#ifndef WEFT_RECORD_H
#define WEFT_RECORD_H

#include "internal.h"

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

/* The record of the test the worker is exploring (in the parent: none). */
extern struct weft__shm *weft__S;

#endif
