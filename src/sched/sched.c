/* src/sched/sched.c - the scheduling point and the choice of the next step.
 *
 * Fast path: a thread reaches weft__visible(), the enabled set is computed,
 * the strategy picks a thread, the step is recorded (decision, trace entry,
 * clocks), and only when the pick is another thread does a context switch
 * happen.  The scheduler logic runs on whichever stack is current; there is
 * no scheduler fiber, so a step that continues the same thread costs no
 * switch at all. */
#include "sched.h"
#include "arch/tls.h"

struct weft__exec *weft__X;
unsigned long weft__step_clock;
bool weft__lone_step;
long weft__lone_clock_reads;
long long weft__lone_jump;
bool weft__spin_wait;
bool weft__unfair_step;
struct weft__shm *weft__S;
const struct weft__strategy *weft__strat;

static inline bool enabled(const struct weft__thread *t)
{
	const struct weft__op *op = t->pending;

	return t->state == TS_LIVE && op && (!op->ready || op->ready(op));
}

bool weft__thread_enabled(int tid)
{
	return enabled(&weft__X->th[tid]);
}

/* Both passes at once for an execution of at most 64 threads (nearly
 * every test): the live threads are a word kept as they start and end,
 * and the sets are single words.  Returns weft__sched_live's answer. */
static inline __attribute__((always_inline)) bool
compute_small(struct weft__exec *X)
{
	uint64_t en = 0, wk = 0;

#ifdef WEFT__ASAN
	/* The sanitizer build checks the copies against the ops (no model
	 * changes a pending op's ready or strong) and that the threads left
	 * out are the ones whose join the model would answer with no. */
	for (uint64_t m = X->live_small & X->pend_mask; m; m &= m - 1) {
		int b = __builtin_ctzll(m);
		const struct weft__op *op = X->pend[b];
		if (X->pend_ready[b] != op->ready ||
		    X->pend_strong[b] != op->strong ||
		    ((X->pend_cond >> b) & 1) != (op->ready || op->strong) ||
		    (((X->sleep_mask >> b) & 1) && (!op->ready || op->ready(op))))
			weft__die("thread %d: the enabled set's copy of its "
				  "op differs from the op", b);
	}
#endif
	uint64_t pend = X->live_small & X->pend_mask & ~X->sleep_mask;

	/* An op with neither ready() nor strong() can always run. */
	en = pend & ~X->pend_cond;
	/* Whether a thread can run is close to a coin toss at every step:
	 * the answer goes into the set without a branch (a mispredicted one
	 * per waiting thread per step showed in the kernel workload). */
	for (uint64_t m = pend & X->pend_cond; m; m &= m - 1) {
		int b = __builtin_ctzll(m);
		weft__ready_fn ready = X->pend_ready[b],
			       strong = X->pend_strong[b];
		uint64_t ok = !ready || ready(X->pend[b]);
		en |= ok << b;
		if (__builtin_expect(strong != NULL, 0) && ok &&
		    !strong(X->pend[b]))
			wk |= (uint64_t)1 << b;
	}
	X->enabled.w[0] = en;
	X->weak.w[0] = wk;
	X->n_enabled = __builtin_popcountll(en);
	X->n_weak = __builtin_popcountll(wk);
	return X->n_work > 0;
}

/* Keep a blocked thread's pending operation for the report: the op lives
 * on the thread's stack, which the parent cannot read. */
void weft__note_blocked(int tid)
{
	const struct weft__op *op = weft__X->th[tid].pending;

	weft__S->t.blocked[tid] = (struct weft__step){
		.tid = (int16_t)tid, .op = op->name, .objname = op->objname,
		.loc = op->loc, .value = -1 };
}

/* What every step does once chosen, recorded or not (lone_step): the
 * count the watchdog reads, the listeners (the clocks, the explorer,
 * which skips a step not recorded), and the spin bookkeeping.  Inline
 * in both: as a call it cost the core workload 2% more instructions. */
static inline __attribute__((always_inline)) void
step_taken(struct weft__exec *X, int tid, struct weft__op *op)
{
	struct weft__thread *t = &X->th[tid];

	/* Read by the watchdog's thread (race_stall.c): an atomic store,
	 * which is a plain one on this machine. */
	__atomic_store_n(&weft__step_clock, weft__step_clock + 1,
			 __ATOMIC_RELAXED);
	weft__listeners_chosen(tid, op);
	X->last_poll = weft__fair_poll_step(op);
	X->last_poll_obj = op->obj;
	/* A write may let spinners progress; the clearing waits for the next
	 * scheduling point, since the op may still turn out to have changed
	 * nothing (a failed trylock calls weft__spun). */
	X->progress = op->access == WEFT__ACC_WRITE && !op->timekeeping;
	/* Sleeping, moving or reading the clock changes nothing another
	 * thread polls: the thread counts as spinning (without being
	 * deferred), so a loop that reads the clock until a deadline lets
	 * the others run, a sleeper's wake among them. */
	if (op->timekeeping) {
		t->spinning = true;
		X->spin_any = true;
	}
	X->last_tid = tid;
}

static inline __attribute__((always_inline)) void
record_step(int tid, const weft__tset *en, const weft__tset *elig)
{
	struct weft__exec *X = weft__X;
	struct weft__trace *T = &weft__S->t;
	struct weft__thread *t = &X->th[tid];
	struct weft__op *op = t->pending;
	long s = X->nsteps;
	int last = X->last_tid;

	/* The thread runs its op now, with no other step in between: an op
	 * whose access depends on the state (a failing compare-exchange only
	 * reads) settles it here, for the clocks, the strategy and the
	 * progress of spinners alike. */
	if (op->access_now) {
		bool failed;

		op->access = weft__access_now(op, &failed);
		/* A failed trylock or trywait orders nothing for the race
		 * detector: its read took the holder's clock and left its own
		 * for the next locker, and a race across it was verified (a
		 * probe of pthread programs). */
		if (failed)
			op->order = WEFT__ORDER_EXPLICIT;
	}
	if (op->release_now)
		op->release = op->release_now(op);

	/* Leaving a thread that could only move by a spurious wakeup is no
	 * preemption: it was waiting. */
	if (last >= 0 && last != tid) {
		/* Counted without a branch on the sets: whether the last
		 * thread could have gone on is a coin toss at a random
		 * step. */
		X->preemptions += (int)weft__ts_has(en, last) &
				  (int)!weft__ts_has(&X->weak, last) &
				  (int)!X->th[last].spinning;
		T->preemptions = X->preemptions;
	}
	/* An unfair continuation is a round of a spin loop run while the
	 * others should run first (fair.c). */
	if (__builtin_expect(t->spinning || t->nround, 0)) {
		bool paid = !weft__ts_has(elig, tid) &&
			    weft__fair_unfair_cost(t, op);
		X->unfair += paid;
		weft__unfair_step = paid;
		weft__fair_round_step(t, op, paid);
	} else if (!weft__ts_has(elig, tid)) {
		X->unfair++;
	}
	/* Nothing for fairness to record without a spinner, a starved
	 * thread or --starve-bound (fair.c). */
	if (__builtin_expect(X->spin_any | X->starve_any |
				     (weft__opts.starve_bound != 0),
			     0))
		weft__fair_step(X, tid);
	weft__trace_dec(T)[T->ndec++] = (uint32_t)tid;
	weft__trace_steps(T)[s] = (struct weft__step){
		.tid = (int16_t)tid, .kind = STEP_OP, .value = -1,
		.obj = op->obj, .acc = (uint8_t)op->access, .op = op->name,
		.objname = op->objname, .loc = op->loc, .note = NULL };
	X->nsteps = s + 1;
	T->nsteps = s + 1;
	step_taken(X, tid, op);
}

/* A round of a thread spinning alone (weft__livelock_lone): no choice,
 * so no decision, no trace row and no event for the explorer, whose
 * search it cannot widen (every other thread's next step comes after a
 * write of this one); the rest of a step goes on as for any other.  A
 * lone round writes nothing (lone_kind), so it is no progress. */
static int lone_step(struct weft__exec *X, int tid)
{
	weft__lone_step = true;
	step_taken(X, tid, X->th[tid].pending);
	return tid;
}

/* The strategy's pick among the enabled threads, eligp the fair ones. */
static inline __attribute__((always_inline)) int
ask_strategy(struct weft__exec *X, const weft__tset *eligp)
{
	/* Nobody deferred (nearly every step): no set to write. */
	static const weft__tset nobody;
	int tid;

	if (X->n_deferred)
		weft__fair_costly(X, eligp);
	tid = weft__strat->pick(&(struct weft__decision){
		.enabled = &X->enabled, .eligible = eligp, .weak = &X->weak,
		.costly = X->n_deferred ? &X->costly : &nobody,
		.spinning = &X->spinning, .last = X->last_tid,
		.step = X->nsteps, .nthreads = X->nthreads,
		.preemptions = X->preemptions, .unfair = X->unfair,
		.atomic = X->atomic_tid });
	if (tid < 0 || tid >= WEFT__MAX_THREADS ||
	    !weft__ts_has(&X->enabled, tid))
		weft__die("strategy %s picked thread %d, not enabled",
			  weft__strat->name, tid);
	return tid;
}

/* The strategy's pick of an ordinary step (choose_next), from the enabled
 * set's one word: no decision to build (a tenth of the scheduler's
 * instructions at a step of the core workload). */
static inline int pick_word(const struct weft__exec *X)
{
	int tid = weft__strat->pick_word(X->enabled.w[0]);

	if ((unsigned)tid >= 64 || !((X->enabled.w[0] >> tid) & 1))
		weft__die("strategy %s picked thread %d, not enabled",
			  weft__strat->name, tid);
	return tid;
}

/* Ends the execution at --max-steps, or where the decisions recorded
 * fill the trace. */
static inline void steps_left(struct weft__exec *X)
{
	if (X->nsteps >= X->step_mark)
		weft__sched_step_mark(X);
	if (weft__S->t.ndec >= weft__S->t.cap)
		weft__sched_step_limit();
}

/* Choose and record the next step in any state of the execution (see
 * choose_next for the common one); never returns when the execution ends
 * or deadlocks. */
static __attribute__((noinline)) int choose_general(struct weft__exec *X)
{
	weft__tset elig, live;
	const weft__tset *eligp = &elig;
	int tid, spun;

	if (__builtin_expect(X->npw, 0))
		weft__writes_settle(X);
	/* Whether the last step wrote is a coin toss; the flags are cleared
	 * without a branch on it, and only a spin (rare) is tested. */
	if (__builtin_expect(X->progress && X->spin_any, 0))
		for (int i = 0; i < X->nthreads; i++) {
			X->th[i].spinning = false;
			X->th[i].yield_wait = weft__ts_none();
		}
	X->spin_any &= !X->progress;
	X->progress = false;
	/* With no non-daemon thread left, the execution ends here without
	 * asking any model; the enabled sets computed alongside are then
	 * unused. */
	if (X->nthreads <= 64 ? !compute_small(X) : !weft__sched_live(X, &live))
		weft__end_execution(X->pruned ? EXEC_PRUNED : EXEC_OK);
	/* Checked before the strategy is asked, so a replay of a livelock
	 * stops where the recorded run stopped. */
	steps_left(X);
	if (X->nthreads > 64)
		weft__sched_enabled_all(X, &live);
	if (X->late)
		X->late_en = weft__ts_or(X->late_en, X->enabled);
	weft__fair_sets(X);
	/* weak, deferred and spinning are subsets of enabled: equal sizes
	 * mean equal sets. */
	if (!X->n_enabled || X->n_weak == X->n_enabled)
		weft__sched_stuck(X);
	if (X->atomic_tid >= 0 && weft__ts_has(&X->enabled, X->atomic_tid))
		weft__sched_only(X, X->atomic_tid);
	else if (X->alone_tid >= 0)
		weft__sched_alone_turn(X);
	weft__lone_step = false;
	weft__unfair_step = false;
	/* A thread alone (weft__sched_alone_turn) is no livelock: its loop
	 * ends, or weft__alone_steps ends its run alone.  It reads the clock
	 * as a lone spinner does (a jump of a millisecond a read; a replay
	 * runs it alone from the same decision, WEFT__CTX_ALONE): a loop
	 * that polls until a deadline of 10 ms read the clock a microsecond
	 * a read and never reached it alone (a probe of pthread programs). */
	spun = X->alone_tid >= 0 ? 0 : weft__livelock_check(X);
	weft__spin_wait = spun != 0 || X->alone_tid >= 0;
	if (spun && (tid = weft__sched_spin_turn(X, spun)) >= 0)
		return lone_step(X, tid);
	/* elig is a preference (fair scheduling); exhaustive strategies may
	 * still branch to any enabled thread, since partial-order reduction
	 * is only sound over the enabled set. */
	if (X->n_deferred == X->n_enabled) {
		elig = weft__ts_one(weft__fair_round_robin(&X->enabled));
	} else if (!X->n_deferred) {
		/* The set itself, not a copy: copying the words just stored
		 * one by one stalls on their store forwarding (a tenth of
		 * this function's time). */
		eligp = &X->enabled;
	} else {
		elig = weft__ts_none();
		for (int k = 0; k < (X->nthreads + 63) >> 6; k++)
			elig.w[k] = X->enabled.w[k] & ~X->deferred.w[k];
	}
	/* One thread can run (a third of the core workload's steps): a
	 * strategy that keeps nothing per step has no choice to make. */
	if (X->n_enabled == 1 && weft__strat->lone_free)
		tid = weft__ts_nth(&X->enabled, 0);
	else
		tid = ask_strategy(X, eligp);
	record_step(tid, &X->enabled, eligp);
	return tid;
}

/* An execution in none of the states that ask choose_general for more
 * than the enabled set and the strategy's pick: no pending write to
 * settle (npw), no spinner, nobody waiting for others (starve_any), so
 * that fairness defers nobody (weft__fair_sets would leave its sets
 * empty) and no spin is being counted (weft__livelock_check would
 * answer 0); no atomic section, no thread alone (weft__sched_alone_turn); at most
 * 64 threads.  Nearly every step
 * of nearly every test: one test of them all here, where the general
 * path tested each in turn, and a frame without its thread sets. */
static inline bool ordinary(const struct weft__exec *X)
{
	/* Read as the words they share (sched.h): npw, spin_any,
	 * starve_any and late; n_deferred and n_spinning; the two thread
	 * numbers, both -1 (negative) when nobody holds a section. */
	return !(X->flags_word | X->fair_word | (uint64_t)X->spin_steps |
		 (uint64_t)((X->atomic_tid & X->alone_tid) >= 0) |
		 (uint64_t)(X->nthreads > 64));
}

/* Choose and record the next step; never returns when the execution ends
 * or deadlocks.  What choose_general does in an ordinary execution, and
 * nothing else: the eligible threads are the enabled ones. */
static int choose_next(void)
{
	struct weft__exec *X = weft__X;
	int tid;

	if (__builtin_expect(!ordinary(X), 0))
		return choose_general(X);
	X->progress = false;
	if (!compute_small(X))
		weft__end_execution(X->pruned ? EXEC_PRUNED : EXEC_OK);
	steps_left(X);
	if (!X->n_enabled || X->n_weak == X->n_enabled)
		weft__sched_stuck(X);
	weft__lone_step = false;
	weft__spin_wait = false;
	weft__unfair_step = false;
	if (X->n_enabled == 1 && weft__strat->lone_free)
		tid = __builtin_ctzll(X->enabled.w[0]);
	else if (weft__strat->pick_word)
		tid = pick_word(X);
	else
		tid = ask_strategy(X, &X->enabled);
	record_step(tid, &X->enabled, &X->enabled);
	return tid;
}

#ifdef WEFT__ASAN
#define CTX_SWITCH(from, to, dst) weft__asan_switch(from, to, dst)
#else
#define CTX_SWITCH(from, to, dst) weft__ctx_switch(from, to)
#endif

static void switch_to(struct weft__thread *from, int tid)
{
	struct weft__exec *X = weft__X;

	weft__set_running(tid);
	weft__tls_swap(X->th[tid].stack->tp);
	CTX_SWITCH(from ? &from->ctx : &X->native, &X->th[tid].ctx,
		   X->th[tid].stack);
}

void weft__visible(struct weft__op *op)
{
	struct weft__exec *X = weft__X;
	struct weft__thread *t;
	int next;

	if (!X || X->cur < 0) {
		/* Outside a test thread (set-up hooks): not a scheduling
		 * point, but a blocking op that cannot proceed is a bug. */
		if (op->ready && !op->ready(op))
			weft__fail(WEFT__K(DEADLOCK), op->loc,
				   "%s would block outside any test thread",
				   op->name);
		return;
	}
	t = &X->th[X->cur];
	weft__set_pending(X, t, op);
	next = choose_next();
	if (next != t->id)
		switch_to(t, next);
	weft__set_pending(X, t, NULL);
	weft__listeners_step(t->id, op);
	if (__builtin_expect(X->outside_now != 0, 0))
		weft__outside_take(X);
}

/* A thread whose function returned (or called the thread exit) takes its
 * final step and hands the CPU on for good. */
_Noreturn void weft__thread_exit_current(void)
{
	struct weft__exec *X = weft__X;
	struct weft__thread *t = &X->th[X->cur];
	int next;

	weft__stack_check_end(t);
	/* A thread that ends inside an atomic section leaves it as
	 * __VERIFIER_atomic_end would, a release: the next thread's section
	 * came after it, and its accesses were a false data race with this
	 * one's (a probe of SV-COMP-style programs). */
	if (X->atomic_tid == t->id) {
		X->atomic_depth = 1;
		weft__atomic_end("atomic_end (thread exit)", NULL);
	}
	{
		struct weft__op op = {
			.name = "exit", .obj = t, .access = WEFT__ACC_WRITE,
			.release = true,
			.liveness = (t->flags & WEFT__THREAD_DAEMON)
					    ? 0 : WEFT__LIVE_EXIT };
		weft__visible(&op);
	}
	if (X->atomic_tid == t->id) {
		X->atomic_tid = -1;
		X->atomic_depth = 0;
	}
	t->state = TS_DONE;
	if (t->id < 64)
		X->live_small &= ~((uint64_t)1 << t->id);
	for (uint64_t m = X->sleep_mask; m; m &= m - 1) {
		int b = __builtin_ctzll(m);
		if (X->join_tgt[b] == t->id)
			X->sleep_mask &= ~((uint64_t)1 << b);
	}
	X->n_work -= !(t->flags & WEFT__THREAD_DAEMON);
	weft__set_pending(X, t, NULL);
	weft__dead_stack_add(t);
	next = choose_next();
	switch_to(t, next);
	weft__die("a finished thread was resumed");
}

/* Start running the execution's first thread from the native stack;
 * returns when the execution ends. */
void weft__sched_start(void)
{
	int first = choose_next();

	switch_to(NULL, first);
}

_Noreturn void weft__end_execution(enum exec_result r)
{
	struct weft__exec *X = weft__X;
	struct weft__thread *from = X->cur >= 0 ? &X->th[X->cur] : NULL;

	X->result = r;
	weft__set_running(-1);
	if (!from)
		longjmp(X->epilogue_jmp, 1);
	weft__tls_swap(NULL);
	CTX_SWITCH(&from->ctx, &X->native, NULL);
	weft__die("an ended execution was resumed");
}
