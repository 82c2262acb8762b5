/* src/sched/slow.c - the scheduler's slow paths, apart from the step's
 * fast path in sched.c: the enabled set of an execution of more than 64
 * threads, the end of an execution where nothing can run, the choice
 * narrowed to one thread (an atomic section, a thread run alone), and
 * the step limit with its report of the thread that waited longest. */
#include "sched.h"

void weft__sched_sleep(unsigned long long *mask)
{
	struct weft__exec *X = weft__X;
	int id = X ? X->cur : -1;

	if (id < 0 || id >= 64)
		return;
	X->sleep_mask |= (uint64_t)1 << id;
	X->join_tgt[id] = -1; /* no thread's exit wakes it */
	*mask |= (uint64_t)1 << id;
}

void weft__sched_wake(unsigned long long *mask)
{
	if (*mask) {
		weft__X->sleep_mask &= ~*mask;
		*mask = 0;
	}
}

/* The live threads of this execution, word by word (weft__exec_reset
 * clears the words past them), and whether any of them is not a daemon.
 * Reads only the thread records' first fields, not their ops: the
 * execution may end here without asking any model. */
bool weft__sched_live(struct weft__exec *X, weft__tset *live)
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
void weft__sched_enabled_all(struct weft__exec *X, const weft__tset *live)
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

/* Some live thread waits in a timed wait's branch that does not time
 * out (weft__timed_wait): with nothing able to run, the real wait would
 * time out instead. */
bool weft__sched_timed_waiter(const struct weft__exec *X)
{
	for (int i = 0; i < X->nthreads; i++)
		if (X->th[i].state == TS_LIVE && X->th[i].timed_wait)
			return true;
	return false;
}

/* Nothing can run but by a spurious wakeup: the execution ends. */
_Noreturn void weft__sched_stuck(struct weft__exec *X)
{
	/* A thread that failed an assumption stopped for good: the
	 * execution is infeasible, and as nothing else can run, it simply
	 * ends. */
	if (X->pruned)
		weft__end_execution(EXEC_PRUNED);
	if (weft__sched_timed_waiter(X))
		weft__end_execution(EXEC_REDUNDANT);
	weft__deadlock_report();
}

/* Inside an atomic section only its thread may run. */
void weft__sched_only(struct weft__exec *X, int tid)
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

/* Runs alone that weft__alone_steps() ended, the thread still in its
 * loop (a give-up after more tries than that is not explored), in this
 * worker, which explores one test: every round of the deepening counts,
 * as the verdict's note speaks of the loops of the test. */
static long capped;

void weft__sched_alone(int tid)
{
	struct weft__trace *T = &weft__S->t;

	weft__X->alone_tid = tid;
	weft__X->alone_steps = 0;
	weft__X->alone_slept = false;
	/* For a replay of this execution (the decision about to be taken
	 * is its first alone): weft__exec_context_export. */
	weft__X->alone_from = T->ndec;
	weft__X->alone_first = tid;
	/* And in the context stored as the execution began, which the token
	 * of a crash or a hang carries (report/marks.c). */
	if (T->nctx < (int)(sizeof T->ctx / sizeof T->ctx[0]))
		T->ctx[T->nctx++] = WEFT__CTX_ALONE_MAKE(T->ndec, tid);
}

int weft__exec_context_export(uint64_t *out, int max)
{
	const struct weft__exec *X = weft__X;
	int n = weft__replay_context_export(out, max);

	if (X && X->alone_from >= 0 && n < max)
		out[n++] = WEFT__CTX_ALONE_MAKE(X->alone_from, X->alone_first);
	return n;
}

/* The thread that keeps time for thread q, which waits for it (a sleep
 * of q's that only the clock ends: msleep, schedule_timeout), when that
 * thread can run now; else -1.  A loop that polls and sleeps between its
 * polls (a driver's "up to 100 times, msleep(1)") is still polling while
 * it sleeps: the clock that wakes it is no other thread's progress, so
 * the thread run alone (below) keeps its turn through the sleep, and
 * only the clock runs meanwhile.  Run alone, it once stopped at its
 * first sleep, the slow thread ran next, and the give-up path of such a
 * loop was never taken (a use-after-free behind it was verified; a probe
 * of kernel-style programs). */
static int clock_for(const struct weft__exec *X, int q)
{
	const struct weft__op *op = X->th[q].pending, *wop;
	char buf[160];
	int w;

	if (!op || !op->waitdesc)
		return -1;
	w = op->waitdesc(op, buf, sizeof buf);
	if (w < 0 || w == q || w >= X->nthreads ||
	    !weft__ts_has(&X->enabled, w) || weft__ts_has(&X->weak, w))
		return -1;
	wop = X->th[w].pending;
	return wop && wop->timekeeping ? w : -1;
}

/* A thread run alone (weft__sched_alone) goes on alone while it can run
 * (not only spuriously): the others cannot (only), whatever it writes,
 * as they would not if they were slow; its loop ends when it gives up,
 * then it blocks or ends, or weft__alone_steps() end the run (run.h).  (It
 * once stopped at its first write: a loop that polls under a mutex, or
 * calls rand(), writes at every round, and its give-up was never
 * reached.)  Then the threads run as before. */
void weft__sched_alone_turn(struct weft__exec *X)
{
	int q = X->alone_tid;
	int run = q;

	if (!weft__ts_has(&X->enabled, q) || weft__ts_has(&X->weak, q)) {
		run = clock_for(X, q);
		X->alone_slept |= run >= 0;
	}
	if (run < 0) {
		X->alone_tid = -1;
		return;
	}
	if (++X->alone_steps > weft__alone_steps()) {
		/* A loop that sleeps and never gives up: the others run now,
		 * late (they may see how many rounds it ran: the run alone
		 * once ended at its first sleep, and that schedule found
		 * kernel/sleep_rounds_bug.c).  A spin alone that long ends
		 * the execution, as its rounds change nothing. */
		capped++;
		if (!X->alone_slept)
			weft__end_execution(EXEC_REDUNDANT);
		X->alone_tid = -1;
		return;
	}
	weft__sched_only(X, run);
}

long weft__alone_capped(void)
{
	return capped;
}

long weft__alone_steps(void)
{
	long n = weft__opts.max_steps / 4;

	return n > WEFT__ALONE_STEPS ? n : WEFT__ALONE_STEPS;
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
_Noreturn void weft__sched_step_limit(void)
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
void weft__sched_step_mark(struct weft__exec *X)
{
	if (X->late || X->nsteps >= weft__opts.max_steps)
		weft__sched_step_limit();
	X->late = true;
	X->late_en = X->enabled;
	X->step_mark = weft__opts.max_steps;
}
