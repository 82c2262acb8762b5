/* src/explore/pct.c - probabilistic concurrency testing (Burckhardt,
 * Kothari, Musuvathi and Nagarakatte, ASPLOS 2010).
 *
 * Each thread gets a random priority when it appears, and d-1 priority
 * change points are drawn among the expected number of steps k.  At every
 * step the highest-priority eligible thread runs; at the j-th change point
 * the thread about to run drops to priority j, below every initial one.
 * A bug of depth d is then found with probability at least 1/(n k^(d-1)).
 * k is learnt: the longest execution seen so far, and unknown before the
 * first one ends, which runs with no change point.  (A fixed first guess
 * was worse: a guess of 64 put most change points of a 10-step test after
 * its end, and a bug of depth 3 went unfound in 20,000 executions.)
 *
 * Priorities alone starve a low thread for as long as higher ones can
 * run, which the paper's terminating programs bound, but a kernel
 * poller that queues a work and sleeps a tick at every round, with the
 * worker and the timer thread, could run for ever: the test thread
 * woken from its own sleep never ran again, and a correct teardown
 * ended at --max-steps, inconclusive.  A thread left eligible for AGE
 * steps in a row is raised above every priority, as a real scheduler
 * would run it at last; no execution shorter than that is changed. */
#include "explore/explore.h"
#include "rng.h"

#define MAX_DEPTH 16

static uint64_t rng;
static uint64_t prio[WEFT__MAX_THREADS];
static int seen;                 /* threads given a priority */
static long change[MAX_DEPTH];   /* step of each change point */
static int nchange;
static long k_est;               /* 0: no execution ended yet */
#define AGE 2048
static uint32_t waited[WEFT__MAX_THREADS]; /* eligible steps not run */
static uint64_t aged;            /* the last priority given by age */
/* In one execution of UNFAIR_ONE_IN, priorities outrank fairness: the
 * highest-priority thread runs even where it yielded to the others (a
 * poll that yields or sleeps between its tries), UNFAIR_STEPS times at
 * most, as the paper's scheduler, which knows no fairness, would run it.
 * Always deferring to fairness, a locker that yields between its tries
 * always let the holder run, and a lost wakeup behind an adaptive lock
 * was `pass` after 20,000 executions (a probe of lock-free pthread
 * programs; random.c's solo runs are the same idea).  Drawn from its own
 * number, so the change points stay as they were. */
#define UNFAIR_ONE_IN 8
#define UNFAIR_STEPS 256
static int unfair_left;

static bool pct_begin(void)
{
	int d = weft__opts.depth;

	rng = weft__mix64(weft__opts.seed ^ weft__mix64((uint64_t)weft__exec_no()));
	seen = 0;
	aged = (uint64_t)1 << 60; /* above every initial priority */
	if (d > MAX_DEPTH)
		d = MAX_DEPTH;
	nchange = d > 1 && k_est > 0 ? d - 1 : 0;
	for (int j = 0; j < nchange; j++)
		change[j] = (long)(weft__rng_next(&rng) % (uint64_t)k_est);
	unfair_left = weft__mix64(weft__opts.seed ^ 0x756e66616972ULL ^
				  weft__mix64((uint64_t)weft__exec_no())) %
				      UNFAIR_ONE_IN ==
			      0
			      ? UNFAIR_STEPS
			      : 0;
	return true;
}

/* The highest-priority thread that can run by itself (enabled, not only
 * spuriously), when it outranks t but fairness deferred it; else t. */
static int unfair_pick(const struct weft__decision *d, int t)
{
	int best = -1;

	WEFT__TS_EACH(i, d->enabled)
		if (!weft__ts_has(d->weak, i) &&
		    (best < 0 || prio[i] > prio[best]))
			best = i;
	if (best < 0 || weft__ts_has(d->eligible, best) ||
	    prio[best] <= prio[t])
		return t;
	unfair_left--;
	return best;
}

static int highest(const weft__tset *set)
{
	int best = -1;

	WEFT__TS_EACH(i, set)
		if (best < 0 || prio[i] > prio[best])
			best = i;
	return best;
}

static int pct_pick(const struct weft__decision *d)
{
	int t;

	/* Initial priorities are above MAX_DEPTH (and below 2^57);
	 * change points use 1..d-1; ageing, 2^60 and up. */
	while (seen < d->nthreads) {
		waited[seen] = 0;
		prio[seen++] = MAX_DEPTH + 1 + (weft__rng_next(&rng) >> 8);
	}
	t = highest(d->eligible);
	for (int j = 0; j < nchange; j++) {
		if (change[j] != d->step)
			continue;
		prio[t] = (uint64_t)(j + 1);
		t = highest(d->eligible);
	}
	if (unfair_left > 0)
		t = unfair_pick(d, t);
	WEFT__TS_EACH(i, d->eligible)
		if (i != t && ++waited[i] >= AGE) {
			prio[i] = ++aged;
			t = i;
		}
	waited[t] = 0;
	return t;
}

static int pct_value(int n)
{
	return weft__rng_below(&rng, n);
}

static void pct_end(enum exec_result r)
{
	(void)r;
	k_est = weft__longest_run(k_est);
}

const struct weft__strategy weft__strategy_pct = {
	.name = "pct", .begin = pct_begin, .pick = pct_pick,
	.value = pct_value, .end = pct_end, .parts = WEFT__PARTS_SEEDS,
};
