/* src/explore/odpor.h - optimal dynamic partial-order reduction, shared by
 * its files: odpor.c (the strategy: following the exploration tree, sleep
 * sets), odpor_wut.c (the tree and its wakeup sequences), odpor_race.c
 * (happens-before and the races of a finished execution).
 *
 * The algorithm is Optimal-DPOR with source sets and wakeup trees (Abdulla,
 * Aronis, Jonsson and Sagonas, POPL 2014 and JACM 2017).  Each finished
 * execution E is analysed for races: two dependent steps e and e' of
 * different threads, e before e' and not ordered by any step between them.
 * For each race the sequence v = notdep(e, E).e' (the steps after e that do
 * not happen after e, then e') reverses it; v is inserted into the wakeup
 * tree at the state before e unless a thread asleep there is a weak initial
 * of v (that order was explored already) or the tree already holds a
 * sequence that starts the same way up to the order of independent steps.
 * Without blocking operations this explores exactly one execution per
 * Mazurkiewicz trace. */
#ifndef WEFT_ODPOR_H
#define WEFT_ODPOR_H

#include "explore/explore.h"
#include "sched/run.h"

/* What partial-order reduction knows of one step. */
enum {
	EV_RELEASE = 1,  /* unlock, post, thread exit: only enables others */
	EV_BLOCKING = 2, /* enabled only in some states (lock, wait, join) */
	EV_ENDS = 4,     /* ends the process: dependent with every step */
	EV_CHOOSE = 8,   /* a weft_choose step; val is its value */
	EV_ACQUIRE = 16, /* takes what it waits for (a lock, a count): the
			    later blocking steps on the object wait for it */
	EV_COND = 32,    /* its access depends on the state (a
			    compare-exchange, a trylock): what it did here
			    is not what it does after another thread's
			    write, so as a thread's next step (asleep, or
			    in the tree) it counts as a write */
	EV_EXPANDED = 64, /* a tree node whose children are every thread
			     awake there (the split prefix) */
	EV_INHERITED = 128, /* a sleep entry that a leaf of the split
			       prefix inherited: it blocks a reversal only
			       when it is an initial, not a weak initial
			       (split.c says why) */
	EV_LIVE = 512,   /* WEFT__LIVE_TOGGLE: writes the liveness object */
	EV_EXIT = 1024,  /* WEFT__LIVE_EXIT: reads it (op.h) */
	EV_SC = 256,     /* a seq_cst atomic access: it reads the seq_cst
			    fences' object (WEFT__ORDER_SC in op.h) */
	EV_INTR = 2048,  /* an interruptible wait (op.h): a step on obj2
			    ends it too, so a release of obj need not be
			    what enabled it */
	EV_SCF = 4096,   /* also a seq_cst fence: it writes the seq_cst
			    fences' object (WEFT__ORDER_SC_FENCE in op.h),
			    whatever its access */
	EV_SOLE = 8192,  /* a release nothing else can stand for: an unlock
			    (a lock stays held until it) or a thread's exit
			    (its joiners wait for nothing else) */
};

struct ev {
	const void *obj, *obj2;   /* objects touched (NULL: none) */
	const void *blk;          /* heap block containing obj, if another
				     address than obj: the step reads it */
	const void *objr;         /* an object it only reads (op.h's
				     obj_read) */
	int16_t tid;              /* its record in the execution it ran in */
	int16_t key;              /* its thread in every execution
				     (weft__thread_key): steps kept from
				     one execution for another are told
				     apart and found by key */
	uint8_t access;           /* enum weft__access */
	uint16_t flags;           /* EV_* */
	int32_t val;              /* value of a choose step, else -1 */
	uint32_t sig;             /* hash of the op's name and site, to catch
				     a re-run that diverges; 0 unknown */
};

/* Two steps that do not commute (of different threads). */
bool weft__ev_dependent(const struct ev *a, const struct ev *b);
/* The same, for a sleeping thread's next step against a step taken: a
 * step whose access depends on the state counts as a write against
 * another such step (odpor_ev.c says why). */
bool weft__ev_sleeper_dependent(const struct ev *sleeper, const struct ev *b);
/* The summary of op as thread tid would perform it now. */
void weft__ev_of_op(struct ev *e, int tid, const struct weft__op *op);
/* The same event: same thread and, for a choice, the same value. */
static inline bool weft__ev_same(const struct ev *a, const struct ev *b)
{
	return a->key == b->key &&
	       (!(a->flags & EV_CHOOSE) || !(b->flags & EV_CHOOSE) ||
		a->val == b->val);
}

/* ---- the exploration tree (odpor_wut.c) -------------------------------- */

/* A node is a step; its children are the steps to try after it, in order.
 * The path being explored follows first children; the other children are
 * wakeup sequences still to explore. */
typedef int32_t wref;     /* index into the node pool; -1 none */
struct wnode {
	struct ev ev;
	wref child, next;
};
extern struct wnode *weft__wn;        /* the pool */

wref weft__wut_new(const struct ev *e);
/* Free n and its subtree. */
void weft__wut_free(wref n);
/* Make c the first child of p; c must be detached. */
void weft__wut_push_front(wref p, wref c);
/* Add c as the child right after sibling s. */
void weft__wut_insert_after(wref s, wref c);
/* Detach the first child of p (returns it). */
wref weft__wut_pop_front(wref p);
/* Insert sequence v[0..n) below node p, unless a weak-initial-compatible
 * sequence is already there (the insertion of the paper).  Returns true
 * when the tree grew. */
bool weft__wut_insert(wref p, struct ev *v, int n);
long weft__wut_live(void);

/* ---- the race analysis (odpor_race.c) ------------------------------------ */

/* One step of the finished execution as the analysis sees it. */
struct step_info {
	struct ev ev;
	weft__tset enabled; /* threads enabled before it */
	int32_t section;    /* index of the atomic-section begin it lies in,
			       or -1 */
	int32_t created;    /* the step that created its thread, or -1 */
};

/* The sleep set at a decision: entries (thread + its next step). */
struct sleepset {
	struct ev *e;
	int n;
};

/* Callbacks of the analysis into the strategy. */
struct odpor_view {
	struct step_info *steps;
	long n;                   /* steps in the execution */
	long first_new;           /* steps before this were analysed before */
	long fixed;               /* decisions of the split prefix: races
				     whose reversal goes there are dropped */
	struct ev *pending;       /* per thread: its next step at the end,
				     flags say whether it is enabled */
	const int32_t *parent;    /* per thread: the step that created the
				     thread in its record at the end, or -1 */
	weft__tset live, enabled_end;
	bool ended_process;       /* the last step ended the process (exit,
				     or the last non-daemon thread) */
	int nthreads;
	/* Sleep set at decision i (asleep or already explored there). */
	struct sleepset (*sleep_at)(long i);
	/* The tree node below which alternatives to step i go. */
	wref (*node_at)(long i);
};

/* Find every race of the execution whose second step is new, and insert
 * the sequences that reverse them.  Returns the number inserted. */
long weft__odpor_races(const struct odpor_view *v);

/* ---- the prefix's branching (odpor_prefix.c) ------------------------------ */

/* Before each execution. */
void weft__prefix_begin(void);
/* Decision d: where it lies (its leaf ends a foreign execution here);
 * node holds d's choices; fresh, reached for the first time. */
void weft__prefix_step(long d, wref node, bool fresh);
/* Whether decision d (stepped already) lies in the prefix. */
bool weft__prefix_in(long d);
/* The leaf's decision in this execution, -1 before it. */
long weft__prefix_leaf(void);
/* Full branching at d, the first time: others become c's siblings. */
void weft__prefix_expand(long d, wref node, wref c, const weft__tset *others);
/* A thread to run first without branching (a start or spawn), or -1. */
int weft__prefix_eager(const weft__tset *avail);

/* ---- give-up probes (odpor_giveup.c) -------------------------------------
 *
 * Where the fairness bound cut a spinner's continuation (odpor.c), the
 * schedule up to there is kept, once per spinner and place; when the
 * search is complete each is run again with the spinner alone from there
 * (weft__sched_alone) for as long as it can run, and the other threads
 * after it as the default choice has them: the schedule in which the
 * others are slow and a retry loop gives up.  Not in a search in parts
 * (split.c), whose parts would keep different ones. */

/* The bound cut thread q's step at the decision d describes. */
void weft__giveup_note(const struct weft__decision *d, int q);
/* Before an execution, once the search is complete: start the next probe
 * (true), or there is none left. */
bool weft__giveup_next(void);
/* During a probe: its decisions. */
bool weft__giveup_active(void);
int weft__giveup_pick(const struct weft__decision *d);
int weft__giveup_value(int n);
/* The end of the probe (true if one ran: the tree is not told). */
bool weft__giveup_end(void);
/* The search starts again: the probes kept are of its old schedules. */
void weft__giveup_reset(void);

/* ---- the strategy's own state (odpor.c, odpor_level.c) -------------------
 *
 * Nothing but the strategy's two files reads these; they define
 * WEFT__ODPOR_OWN before including this header, for the short names.
 * odpor_level.c keeps what each decision of the path holds; odpor.c
 * follows the path, and unwinds it.  The steps and sleep_at have no short
 * names: struct odpor_view has fields of those names. */
#ifdef WEFT__ODPOR_OWN
#define lv weft__odpor_lv
#define cap weft__odpor_lv_cap
#define sleepbuf weft__odpor_sleepbuf
#define sleepused weft__odpor_sleepused
#define ensure_cap weft__odpor_ensure_cap
#define add_done weft__odpor_add_done
#define compute_sleep weft__odpor_compute_sleep
#define asleep weft__odpor_asleep
#define done_tids weft__odpor_done_tids
#define value_known weft__odpor_value_known

/* One decision of the path. */
struct level {
	wref w;                  /* the step taken at this decision */
	struct ev *done;         /* explored alternatives here */
	int ndone, capdone;
	long sleep_off;          /* its sleep set in sleepbuf */
	int nsleep;
};

/* Per decision: its level and the step taken, and their capacity. */
extern struct level *weft__odpor_lv;
extern struct step_info *weft__odpor_steps;
extern long weft__odpor_lv_cap;
/* The sleep sets of the path's decisions, one after another, and the
 * entries in use. */
extern struct ev *weft__odpor_sleepbuf;
extern long weft__odpor_sleepused;

/* Room for decision d and the ones before it. */
void weft__odpor_ensure_cap(long d);
/* Add e to the alternatives explored at decision d. */
void weft__odpor_add_done(long d, const struct ev *e);
/* What is asleep at decision d or was explored there (the algorithm's
 * sleep(E)): a copy past the sleep sets in use, good until the next call. */
struct sleepset weft__odpor_sleep_at(long d);
/* Build the sleep set of decision d: what slept at d-1 or was explored
 * there, except the step taken and what depends on it. */
void weft__odpor_compute_sleep(long d);
/* The threads asleep at decision d. */
weft__tset weft__odpor_asleep(long d);
/* The threads whose steps were explored at decision d. */
weft__tset weft__odpor_done_tids(long d);
/* Whether the choice of thread key (weft__thread_key) with value v is a
 * child of node p, or was explored at decision d already. */
bool weft__odpor_value_known(long d, wref p, int key, int v);
#endif

/* ---- the race analysis's own state (odpor_race.c, odpor_reverse.c) ------
 *
 * Nothing but the analysis's two files reads these; they define
 * WEFT__ODPOR_RACE_OWN before including this header, for the short names.
 * odpor_race.c makes the pass over the steps (clocks, immediate
 * predecessors); odpor_reverse.c picks the races among the predecessors and
 * inserts the sequences that reverse them. */
#ifdef WEFT__ODPOR_RACE_OWN
#define V weft__odpor_race_view
#define nth weft__odpor_race_nth
#define clk weft__odpor_race_clk
#define inserted weft__odpor_race_inserted
#define debug weft__odpor_race_debug
#define C weft__odpor_race_clock
#define hb weft__odpor_race_hb
#define touches weft__odpor_race_touches
#define grow weft__odpor_race_grow
#define note_race weft__odpor_note_race
#define races_of weft__odpor_races_of
#define disabler_race weft__odpor_disabler_race
#define reverse weft__odpor_reverse

/* The execution analysed, its thread count and its steps' clocks,
 * clk[i * nth + t] (odpor_race.c). */
extern const struct odpor_view *weft__odpor_race_view;
extern int weft__odpor_race_nth;
extern uint32_t *weft__odpor_race_clk;
/* The sequences this analysis inserted into the tree (odpor_race.c). */
extern long weft__odpor_race_inserted;
/* WEFT_ODPOR_DEBUG=1 prints every race and what became of it; -1 until the
 * variable is read (odpor_reverse.c). */
extern int weft__odpor_race_debug;

/* The clock of step i. */
static inline uint32_t *weft__odpor_race_clock(long i)
{
	return clk + (size_t)i * (size_t)nth;
}

/* e happens before (or is) the event whose clock is c. */
static inline bool weft__odpor_race_hb(long e, const uint32_t *c)
{
	int t = V->steps[e].ev.tid;

	return c[t] >= C(e)[t];
}

/* The objects a step touches, with whether it writes them. */
struct touch {
	const void *obj;
	bool write;
};

/* The most objects a step touches: its object, a second one, the heap
 * block holding the first, and the seq_cst fences' object. */
#define WEFT__MAX_TOUCH 6

/* Fills t (room for WEFT__MAX_TOUCH) with the objects e touches; returns
 * how many. */
int weft__odpor_race_touches(const struct ev *e, struct touch *t);

/* Each object touched with its last write and one read per thread. */
#define MAXPRED (WEFT__MAX_TOUCH * (WEFT__MAX_THREADS + 1))
struct preds {
	int32_t s[MAXPRED];
	int n;
	int32_t acq[WEFT__MAX_THREADS + 1]; /* earlier acquisitions a
					       blocking step races with */
	int nacq;
};

/* realloc that dies when memory runs out. */
void *weft__odpor_race_grow(void *p, size_t n);
/* Record a race of step e with step j (j == n: thread q's next step at the
 * end), to be reversed once every clock is known (odpor_race.c). */
void weft__odpor_note_race(long e, long j, int q);
/* The races of step e' (index j, or j == n for a thread's next step at the
 * end) given its predecessors p; cpo is its thread's clock before it, prev
 * that thread's previous step (odpor_reverse.c). */
void weft__odpor_races_of(long j, const struct ev *ep, const uint32_t *cpo,
			  const struct preds *p, int32_t prev);
/* The race of a step that waited (index j, its event ep, its predecessors
 * p, its thread's previous step prev; j == n: a thread still blocked at
 * the end) with the step that disabled it, when p does not hold that step
 * (odpor_reverse.c). */
void weft__odpor_disabler_race(long j, const struct ev *ep,
			       const struct preds *p, int32_t prev);
/* Insert the sequence that reverses the race of step e with e' (index j)
 * below e's node, unless it was explored already (odpor_reverse.c). */
void weft__odpor_reverse(long e, long j, const struct ev *ep);
#endif

#endif
