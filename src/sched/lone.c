/* src/sched/lone.c - a spin loop that runs alone: when every runnable
 * thread has spun (livelock.c counts the rounds), the one that can run
 * takes its rounds without a choice, its clock reads may jump ahead, and
 * a spin that never ends is a livelock.  Called from choose_general in
 * sched.c, which takes the lone round itself (lone_step there). */
#include "sched.h"

/* The one thread that can run, when no other can until it writes
 * something (no atomic section narrows the choice, no timed wait could
 * time out instead), or -1. */
static int alone(const struct weft__exec *X)
{
	if (X->n_enabled != 1 || X->atomic_tid >= 0 || weft__sched_timed_waiter(X))
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
 * past --spin-bound): the thread of a lone round, which the caller runs
 * now, or -1 for an ordinary choice.  May end the execution (a livelock,
 * or a branch a timed wait's timeout explores). */
int weft__sched_spin_turn(struct weft__exec *X, int spun)
{
	int tid = alone(X);

	if (tid < 0) {
		/* A thread in a timed wait would time out while the
		 * others spin: the branch where it does is explored,
		 * this one is cut (as when nothing can run). */
		if (spun == 2 && weft__sched_timed_waiter(X))
			weft__end_execution(EXEC_REDUNDANT);
		/* Spinners polling the clock get some steps more, once,
		 * ten years on (clock_jump). */
		if (spun == 2 && clock_jump(X))
			X->spin_steps = 1 + fewer(X->spin_steps - 1, 256);
		else if (spun == 2 && !weft__livelock_outside(X))
			weft__livelock_report(X, false);
	} else switch (lone_kind(X, tid)) {
	case LONE_SPIN:
		if (!weft__livelock_lone(X)) {
			if (!clock_jump(X) && !weft__livelock_outside(X))
				weft__livelock_report(X, true);
			X->lone_polls = fewer(X->lone_polls, 4096);
		}
		return tid;
	case LONE_SPIN_WRITE:
		if (spun == 2 && !weft__livelock_outside(X))
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
