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

/* The live threads of this execution, word by word (weft__exec_reset
 * clears the words past them), and whether any of them is not a daemon.
 * Reads only the thread records' first fields, not their ops: the
 * execution may end here without asking any model. */
static __attribute__((noinline)) bool compute_live(struct weft__exec *X,
						 weft__tset *live)
{
	int n = X->nthreads, nw = (n + 63) >> 6;
	bool work = false;

	for (int k = 0; k < nw; k++) {
		uint64_t lv = 0;
		int hi = n - k * 64 < 64 ? n - k * 64 : 64;
		for (int b = 0; b < hi; b++) {
			const struct weft__thread *t = &X->th[k * 64 + b];
			if (t->state != TS_LIVE)
				continue;
			lv |= (uint64_t)1 << b;
			work |= !(t->flags & WEFT__THREAD_DAEMON);
		}
		live->w[k] = lv;
	}
	return work;
}

/* One pass over the live threads: each one's op is asked whether it can
 * run and, if so, whether only spuriously (ready and strong read the
 * models' state and change nothing, so asking both of one thread before
 * the next is the same as asking all the ready()s first).  The sets are
 * written in place word by word, each word stored once, and only the
 * words that can hold a thread of this execution. */
static __attribute__((noinline)) void
compute_enabled(struct weft__exec *X, const weft__tset *live)
{
	int nw = (X->nthreads + 63) >> 6;

	X->n_enabled = X->n_weak = 0;
	for (int k = 0; k < nw; k++) {
		uint64_t en = 0, wk = 0;
		for (uint64_t m = live->w[k]; m; m &= m - 1) {
			int b = __builtin_ctzll(m);
			const struct weft__op *op = X->th[k * 64 + b].pending;
			if (!op || (op->ready && !op->ready(op)))
				continue;
			en |= (uint64_t)1 << b;
			if (op->strong && !op->strong(op))
				wk |= (uint64_t)1 << b;
		}
		X->enabled.w[k] = en;
		X->weak.w[k] = wk;
		X->n_enabled += __builtin_popcountll(en);
		X->n_weak += __builtin_popcountll(wk);
	}
}

/* Both passes at once for an execution of at most 64 threads (nearly
 * every test): the live threads are a word kept as they start and end,
 * and the sets are single words.  Returns compute_live's answer. */
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
		    (((X->join_mask >> b) & 1) && (!op->ready || op->ready(op))))
			weft__die("thread %d: the enabled set's copy of its "
				  "op differs from the op", b);
	}
#endif
	/* Whether a thread can run is close to a coin toss at every step:
	 * the answer goes into the set without a branch (a mispredicted one
	 * per waiting thread per step showed in the kernel workload). */
	for (uint64_t m = X->live_small & X->pend_mask & ~X->join_mask; m;
	     m &= m - 1) {
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

/* Some live thread waits in a timed wait's branch that does not time
 * out (weft__timed_wait): with nothing able to run, the real wait would
 * time out instead. */
static bool timed_waiter(const struct weft__exec *X)
{
	for (int i = 0; i < X->nthreads; i++)
		if (X->th[i].state == TS_LIVE && X->th[i].timed_wait)
			return true;
	return false;
}

/* Nothing can run but by a spurious wakeup: the execution ends. */
static __attribute__((noinline, noreturn)) void stuck(struct weft__exec *X)
{
	/* A thread that failed an assumption stopped for good: the
	 * execution is infeasible, and as nothing else can run, it simply
	 * ends. */
	if (X->pruned)
		weft__end_execution(EXEC_PRUNED);
	if (timed_waiter(X))
		weft__end_execution(EXEC_REDUNDANT);
	weft__deadlock_report();
}

/* Inside an atomic section only its thread may run. */
static __attribute__((noinline)) void only(struct weft__exec *X, int tid)
{
	bool df = weft__ts_has(&X->deferred, tid);
	bool wk = weft__ts_has(&X->weak, tid);
	bool sp = weft__ts_has(&X->spinning, tid);

	X->enabled = weft__ts_one(tid);
	X->deferred = df ? X->enabled : weft__ts_none();
	X->weak = wk ? X->enabled : weft__ts_none();
	X->spinning = sp ? X->enabled : weft__ts_none();
	X->n_enabled = 1;
	X->n_deferred = df;
	X->n_weak = wk;
	X->n_spinning = sp;
}

void weft__sched_alone(int tid)
{
	weft__X->alone_tid = tid;
	weft__X->alone_steps = 0;
}

/* A thread run alone (weft__sched_alone) goes on alone while it can run
 * (not only spuriously): the others cannot (only), whatever it writes,
 * as they would not if they were slow; its loop ends when it gives up,
 * then it blocks or ends, or WEFT__ALONE_STEPS ends the execution.  (It
 * once stopped at its first write: a loop that polls under a mutex, or
 * calls rand(), writes at every round, and its give-up was never
 * reached.)  Then the threads run as before. */
static __attribute__((noinline)) void alone_turn(struct weft__exec *X)
{
	int q = X->alone_tid;

	if (weft__ts_has(&X->enabled, q) && !weft__ts_has(&X->weak, q)) {
		if (++X->alone_steps > WEFT__ALONE_STEPS)
			weft__end_execution(EXEC_REDUNDANT);
		only(X, q);
		return;
	}
	X->alone_tid = -1;
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
	/* Sleeping or moving the clock changes nothing another thread
	 * polls: the thread counts as spinning (without being deferred). */
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

/* The one thread that can run, when no other can until it writes
 * something (no atomic section narrows the choice, no timed wait could
 * time out instead), or -1. */
static int alone(const struct weft__exec *X)
{
	if (X->n_enabled != 1 || X->atomic_tid >= 0 || timed_waiter(X))
		return -1;
	return weft__ts_nth(&X->enabled, 0);
}

/* What a lone spinner's next step is: another round of its spin (a
 * step at a place of its loop, or one that only passes time), which
 * runs alone; the same round's write (a failed
 * try that the model counts as a write: it may wake another thread, so
 * it cannot run alone, and the spin is a livelock as before); or a step
 * elsewhere, the loop left (a counted poll that gave up), taken as any
 * other step, with its choices (an input, a timed wait's timeout, the
 * store a load reads) explored. */
enum lone_kind { LONE_SPIN, LONE_SPIN_WRITE, LONE_LEFT };

/* Whether loc is one of the n places of a. */
static bool has_site(const struct weft_loc *const *a, int n,
		     const struct weft_loc *loc)
{
	for (int k = 0; k < n; k++)
		if (a[k] == loc)
			return true;
	return false;
}

/* The places of the spinner's loop: those of its recorded steps since
 * the spin began (every runnable thread has spun since spin_from), at
 * most the last 1024, that came up at least twice (a place of a round
 * repeats; the first step after a counted loop, at the place of the next
 * call, does not), gathered when it begins to run alone. */
static void lone_sites(struct weft__exec *X, int tid)
{
	const struct weft__step *st = weft__trace_steps(&weft__S->t);
	long from = X->nsteps - 1024 > X->spin_from ? X->nsteps - 1024
						     : X->spin_from;
	const struct weft_loc *seen[WEFT__LONE_SITES];
	int n = 0, ns = 0;

	for (long i = X->nsteps - 1; i >= 0 && i >= from; i--) {
		const struct weft_loc *loc = st[i].loc;
		if (st[i].tid != tid || has_site(X->lone_site, n, loc))
			continue;
		if (!has_site(seen, ns, loc)) {
			if (ns < WEFT__LONE_SITES)
				seen[ns++] = loc;
		} else if (n < WEFT__LONE_SITES) {
			X->lone_site[n++] = loc;
		}
	}
	X->n_lone_sites = n;
}

static enum lone_kind lone_kind(struct weft__exec *X, int tid)
{
	struct weft__op *op = X->th[tid].pending;

	if (X->n_lone_sites < 0)
		lone_sites(X, tid);
	if (op->access_now)
		op->access = weft__access_now(op, NULL);
	if (op->timekeeping)
		return LONE_SPIN;
	if (!has_site(X->lone_site, X->n_lone_sites, op->loc))
		return LONE_LEFT;
	return op->access == WEFT__ACC_WRITE ? LONE_SPIN_WRITE : LONE_SPIN;
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

/* A thread spun alone for all the rounds it is given, reading the clock:
 * it may be polling for a deadline further off than they reach (a
 * millisecond of virtual time a read).  Its clock jumps ten years ahead
 * at its next read, and it gets some rounds more, once: a poll until a
 * deadline ends (past it by that much), a loop that never ends spins on,
 * a livelock.  Without a clock read nothing could change. */
#define LONE_JUMP_NS (10LL * 365 * 86400 * 1000000000LL)

static bool clock_jump(struct weft__exec *X)
{
	if (!weft__lone_clock_reads || X->lone_jumped)
		return false;
	X->lone_jumped = true;
	weft__lone_jump = LONE_JUMP_NS;
	return true;
}

/* A poll reads the clock again within a few rounds of its loop, and then
 * its deadline has passed: the rounds more, after the jump, are a few
 * thousand alone, a few hundred steps with others spinning. */
static long fewer(long count, long by)
{
	return count > by ? count - by : 0;
}

/* Every runnable thread has spun (spun: 1 long enough to run alone, 2
 * past --spin-bound): the thread of a lone round, which runs it now, or
 * -1 for an ordinary choice.  Apart from choose_next, which it would
 * fill with registers to save at every step. */
static __attribute__((noinline)) int spin_turn(struct weft__exec *X, int spun)
{
	int tid = alone(X);

	if (tid < 0) {
		/* A thread in a timed wait would time out while the
		 * others spin: the branch where it does is explored,
		 * this one is cut (as when nothing can run). */
		if (spun == 2 && timed_waiter(X))
			weft__end_execution(EXEC_REDUNDANT);
		/* Spinners polling the clock get some steps more, once,
		 * ten years on (clock_jump). */
		if (spun == 2 && clock_jump(X))
			X->spin_steps = 1 + fewer(X->spin_steps - 1, 256);
		else if (spun == 2)
			weft__livelock_report(X, false);
	} else switch (lone_kind(X, tid)) {
	case LONE_SPIN:
		if (!weft__livelock_lone(X)) {
			if (!clock_jump(X))
				weft__livelock_report(X, true);
			X->lone_polls = fewer(X->lone_polls, 4096);
		}
		return lone_step(X, tid);
	case LONE_SPIN_WRITE:
		if (spun == 2)
			weft__livelock_report(X, false);
		break;
	case LONE_LEFT:
		/* An ordinary step; the loop's places are gathered
		 * again at the next round, this one among them (a
		 * loop of several inner loops runs alone once all
		 * are known).  The counts go on: without a write, a
		 * loop of loops is still one spin. */
		X->n_lone_sites = -1;
		break;
	}
	return -1;
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

/* The live thread that has waited longest, blocked all through the
 * second half of the execution (never enabled there: late_en), at the
 * step limit: its id, or -1 when there is none, or when a thread that
 * could run in that half did not run in it (then fair scheduling may be
 * the answer, and the general message says so: *starved is then set).
 * *since is the step after its last one.  A waiter whose wait nothing
 * ends while the others go on (a timer that re-arms itself, a poll that
 * sleeps a tick) is what the kernel calls a hung task; the fairness hint
 * is no help to it. */
static int long_waiter(const struct weft__exec *X, long *since, bool *starved)
{
	const struct weft__step *steps = weft__trace_steps(&weft__S->t);
	long n = X->nsteps, half = weft__opts.max_steps / 2, best_since = n;
	int best = -1;

	*starved = false;
	if (!X->late)
		return -1;
	for (int i = 0; i < X->nthreads; i++) {
		long s = n;

		if (X->th[i].state != TS_LIVE || !X->th[i].pending)
			continue;
		while (s > half && steps[s - 1].tid != i)
			s--;
		if (s > half)
			continue; /* it ran in the second half */
		if (weft__ts_has(&X->late_en, i)) {
			*starved = true; /* it could have, and did not */
			return -1;
		}
		while (s > 0 && steps[s - 1].tid != i)
			s--;
		if (s < best_since) {
			best = i;
			best_since = s;
		}
	}
	*since = best_since;
	return best;
}

bool weft__starve_limit;

/* --max-steps reached: the test is inconclusive. */
static __attribute__((noinline, noreturn)) void step_limit(void)
{
	struct weft__exec *X = weft__X;
	long since;
	int w = long_waiter(X, &since, &weft__starve_limit);

	if (w >= 0) {
		const struct weft__op *op = X->th[w].pending;
		weft__limit("step-limit", op->loc,
			     "an execution took more than --max-steps=%ld "
			     "steps without finishing, and %s has waited in "
			     "%s%s%s since step %ld: nothing it waits for "
			     "happened while the others ran (a wait nothing "
			     "ends, as a hung task in the kernel, or a "
			     "longer run than --max-steps allows)",
			     weft__opts.max_steps, weft__thread_name(w),
			     op->name, op->objname ? " of " : "",
			     op->objname ? op->objname : "", since);
	}
	weft__limit("step-limit", NULL,
		     "an execution took more than --max-steps=%ld steps "
		     "without finishing (a long computation, or a "
		     "loop weft cannot tell from a livelock; a thread "
		     "that loops until another sets a flag finishes "
		     "under fair scheduling, --starve-bound=%s)",
		     weft__opts.max_steps,
		     weft__opts.starve_bound ? "N smaller than now" : "1000");
}

/* Half of --max-steps reached (the second half is watched: late), or
 * all of it. */
static __attribute__((noinline)) void step_mark(struct weft__exec *X)
{
	if (X->late || X->nsteps >= weft__opts.max_steps)
		step_limit();
	X->late = true;
	X->late_en = X->enabled;
	X->step_mark = weft__opts.max_steps;
}

/* Ends the execution at --max-steps, or where the decisions recorded
 * fill the trace. */
static inline void steps_left(struct weft__exec *X)
{
	if (X->nsteps >= X->step_mark)
		step_mark(X);
	if (weft__S->t.ndec >= weft__S->t.cap)
		step_limit();
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
	if (X->nthreads <= 64 ? !compute_small(X) : !compute_live(X, &live))
		weft__end_execution(X->pruned ? EXEC_PRUNED : EXEC_OK);
	/* Checked before the strategy is asked, so a replay of a livelock
	 * stops where the recorded run stopped. */
	steps_left(X);
	if (X->nthreads > 64)
		compute_enabled(X, &live);
	if (X->late)
		X->late_en = weft__ts_or(X->late_en, X->enabled);
	weft__fair_sets(X);
	/* weak, deferred and spinning are subsets of enabled: equal sizes
	 * mean equal sets. */
	if (!X->n_enabled || X->n_weak == X->n_enabled)
		stuck(X);
	if (X->atomic_tid >= 0 && weft__ts_has(&X->enabled, X->atomic_tid))
		only(X, X->atomic_tid);
	else if (X->alone_tid >= 0)
		alone_turn(X);
	weft__lone_step = false;
	/* A thread alone (alone_turn) is no livelock: its loop ends, or
	 * WEFT__ALONE_STEPS ends the execution. */
	spun = X->alone_tid >= 0 ? 0 : weft__livelock_check(X);
	weft__spin_wait = spun != 0;
	if (spun && (tid = spin_turn(X, spun)) >= 0)
		return tid;
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
 * answer 0); no atomic section, no thread alone (alone_turn); at most
 * 64 threads.  Nearly every step
 * of nearly every test: one test of them all here, where the general
 * path tested each in turn, and a frame without its thread sets. */
static inline bool ordinary(const struct weft__exec *X)
{
	return !(X->npw | X->spin_any | X->starve_any | X->n_deferred |
		 X->n_spinning | (X->atomic_tid >= 0) | (X->alone_tid >= 0) |
		 (X->spin_steps != 0) | (X->nthreads > 64) | X->late);
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
		stuck(X);
	weft__lone_step = false;
	weft__spin_wait = false;
	if (X->n_enabled == 1 && weft__strat->lone_free)
		tid = __builtin_ctzll(X->enabled.w[0]);
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
	for (uint64_t m = X->join_mask; m; m &= m - 1) {
		int b = __builtin_ctzll(m);
		if (X->join_tgt[b] == t->id)
			X->join_mask &= ~((uint64_t)1 << b);
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
