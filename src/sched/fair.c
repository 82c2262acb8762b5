/* src/sched/fair.c - fair scheduling: which enabled threads the scheduler
 * prefers, for sched.c's choice of the next step.
 *
 * Musuvathi and Qadeer (PLDI 2008): a thread that spun (yielded, or polled
 * and saw nothing new) has lower priority than every thread that was
 * enabled at that moment, until each of them has taken a step.  Spin loops
 * then let the others run instead of hanging the explorer, and no
 * interleaving of real work is excluded.  The preference is only that:
 * exhaustive strategies may still run a deferred thread (an unfair
 * continuation, bounded by --fair-bound). */
#include "sched.h"

/* Do a and b meet in their first nw words? */
static inline bool meets_in(const weft__tset *a, const weft__tset *b, int nw)
{
	for (int k = 0; k < nw; k++)
		if (a->w[k] & b->w[k])
			return true;
	return false;
}

/* Fairness's sets, once the enabled set is known: only while some thread
 * may be spinning (X->spin_any) or waiting for others after
 * --starve-bound steps (X->starve_any); otherwise both are empty, and
 * most often were already (their sizes say so: nothing else writes
 * them). */
void weft__fair_sets(struct weft__exec *X)
{
	int nw = (X->nthreads + 63) >> 6;

	if (!X->spin_any && !X->starve_any && !X->n_deferred &&
	    !X->n_spinning)
		return;
	X->n_deferred = X->n_spinning = 0;
	for (int k = 0; k < nw; k++) {
		uint64_t df = 0, sp = 0;
		if (X->spin_any || X->starve_any)
			for (uint64_t m = X->enabled.w[k]; m; m &= m - 1) {
				int b = __builtin_ctzll(m);
				const struct weft__thread *t = &X->th[k * 64 + b];
				if (t->spinning)
					sp |= (uint64_t)1 << b;
				/* A thread is never in its own yield_wait
				 * (weft__spun) nor starve_wait (starve). */
				if (meets_in(&t->yield_wait, &X->enabled, nw) ||
				    meets_in(&t->starve_wait, &X->enabled, nw))
					df |= (uint64_t)1 << b;
			}
		X->deferred.w[k] = df;
		X->spinning.w[k] = sp;
		X->n_deferred += __builtin_popcountll(df);
		X->n_spinning += __builtin_popcountll(sp);
	}
}

/* When fairness defers every enabled thread (all of them yielded to one
 * another), the preferred one is the next in a fixed rotation after the
 * last runner.  Only a preference: exhaustive search may still branch. */
int weft__fair_round_robin(const weft__tset *set)
{
	int last = weft__X->last_tid;
	int i = weft__ts_next(set, last < 0 ? -1 : last);

	if (i < 0)
		i = weft__ts_first(set);
	if (i < 0)
		weft__die("round robin over an empty set");
	return i;
}

/* The threads other than tid that could take a step now by themselves:
 * enabled, not only spuriously, and not parked at a timed wait's wakeup
 * (only its timeout would move it, which no thread brings). */
static weft__tset could_run(const struct weft__exec *X, int tid)
{
	weft__tset s = weft__ts_minus(X->enabled, X->weak);

	weft__ts_del(&s, tid);
	WEFT__TS_EACH(i, &s) {
		const struct weft__op *op = X->th[i].pending;
		if (op && op->timed)
			weft__ts_del(&s, i);
	}
	return s;
}

/* Thread tid waits until each thread that could run now has taken a step
 * (its starve_wait, which its own writes do not clear): false when no
 * other thread could run. */
static bool wait_for_others(struct weft__exec *X, int tid)
{
	weft__tset others = could_run(X, tid);

	if (weft__ts_empty(others))
		return false;
	X->starve_any = true;
	X->th[tid].starve_wait = others;
	return true;
}

/* Fair scheduling without a yield: a thread that ran --starve-bound steps
 * in a row while some other thread could have run waits, as a spinner
 * does, until each of those has taken a step.  A real scheduler gives
 * every runnable thread the CPU sooner or later; without this, the first
 * schedule of a worker that loops until another thread sets a flag (and
 * writes as it loops, so it is not spinning) runs the worker alone until
 * --max-steps.  Running it on anyway is an unfair continuation, which an
 * exhaustive search bounds as it bounds a spinner's (--fair-bound).  So
 * a verification under it does not cover a bug that needs one thread to
 * run longer than that while another could: it is off unless asked for
 * (--starve-bound=0 by default), and a verdict that rests on it says so. */
static void starve(struct weft__exec *X, int tid)
{
	if (tid != X->last_tid) {
		X->run_len = 0;
		return;
	}
	if (++X->run_len < weft__opts.starve_bound)
		return;
	/* Nobody else could run now (a loop of lock and unlock holds the
	 * mutex the others wait for at every other step): the count goes
	 * on, and the first step at which another could run makes the
	 * thread wait.  Starting the count again here made it come round
	 * to the same point of such a loop every time, and the others
	 * never ran. */
	if (!wait_for_others(X, tid))
		return;
	X->run_len = 0;
	/* Every time, not only when starve_any was clear: a kept yield
	 * (weft__yield_kept) sets it too, and a verdict that rests on the
	 * bound must say so whichever came first. */
	weft__verdict_starved();
}

/* The running thread yielded the processor for good measure (a sleep
 * that timed out, cond_resched): it waits, as a starved thread does, until
 * every thread that could run has taken a step, whatever it writes
 * meanwhile.  As a spinner's yield alone, its own next write (a counter of
 * rounds) ended the wait before the others ran: the kthread loop `while
 * (!kthread_should_stop()) { n++; schedule_timeout(1); }` ran round after
 * round, each a new schedule, while kthread_stop waited (a probe: 30 s,
 * inconclusive). */
void weft__yield_kept(void)
{
	struct weft__exec *X = weft__X;

	weft__spun();
	if (X && X->cur >= 0)
		wait_for_others(X, X->cur);
}

void weft__fair_step(struct weft__exec *X, int tid)
{
	if (X->spin_any)
		for (int i = 0; i < X->nthreads; i++)
			weft__ts_del(&X->th[i].yield_wait, tid);
	if (X->starve_any)
		for (int i = 0; i < X->nthreads; i++)
			weft__ts_del(&X->th[i].starve_wait, tid);
	if (weft__opts.starve_bound)
		starve(X, tid);
}

/* ---- rounds of spin loops ----------------------------------------------- */

/* Steps that only pass time after a failed poll, within one round of a
 * spin loop (record_step in sched.c). */
#define FREE_STEPS 8

static bool round_has(const struct weft__thread *t, const void *obj)
{
	for (int i = 0; i < t->nround; i++)
		if (t->round_obj[i] == obj)
			return true;
	return false;
}

/* Whether thread t's step op, taken while t is not eligible (a spinner
 * deferred by fairness), is an unfair continuation: a round of its spin
 * loop is one.  The round begins at a poll (a step that touches an
 * object); the reads of other objects after it (a loop that polls a flag
 * and then a phase) and the steps that only pass time (a yield, a sleep,
 * a timed wait's choice, up to FREE_STEPS) belong to it; a read of an
 * object the round polled already, or a step that may write (a lock taken
 * again after a timed wait), begins the next.  Counting each step
 * made --fair-bound=N cover a half or a third of the tries it claims.
 * Without a poll (a loop of yields alone) each step counts.  The
 * strategies ask the same before they pick (X->costly), so that a step
 * its round has paid for is not cut at the bound. */
bool weft__fair_unfair_cost(const struct weft__thread *t,
			    const struct weft__op *op)
{
	if (!t->nround)
		return true;
	if (weft__fair_poll_step(op))
		return t->nround == WEFT__ROUND_OBJS ||
		       op->access == WEFT__ACC_WRITE || round_has(t, op->obj);
	return t->free_run >= FREE_STEPS;
}

/* The round bookkeeping of a spinning thread t's step op (see
 * weft__fair_unfair_cost); paid: the step began a round.  A thread that made
 * progress (no longer spinning) is in no round. */
void weft__fair_round_step(struct weft__thread *t, const struct weft__op *op,
			   bool paid)
{
	if (!t->spinning) {
		t->nround = 0;
		return;
	}
	if (!weft__fair_poll_step(op)) {
		if (t->free_run < 255)
			t->free_run++;
		return;
	}
	if (paid || !t->nround) {
		t->nround = 0;
		t->free_run = 0;
	}
	if (t->nround < WEFT__ROUND_OBJS)
		t->round_obj[t->nround++] = op->obj;
}

/* The threads whose step now would cost an unfair continuation: those
 * not eligible, unless their spin loop's round pays for it already. */
void weft__fair_costly(struct weft__exec *X, const weft__tset *elig)
{
	weft__tset others = weft__ts_minus(X->enabled, *elig);

	X->costly = others;
	WEFT__TS_EACH(q, &others)
		if (!weft__fair_unfair_cost(&X->th[q], X->th[q].pending))
			weft__ts_del(&X->costly, q);
}
