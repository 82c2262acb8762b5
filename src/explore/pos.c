/* src/explore/pos.c - partial order sampling (Yuan, Yang and Gu, "Partial
 * Order Aware Concurrency Sampling", CAV 2018).
 *
 * Every thread's next step carries a random priority, and the eligible
 * step with the highest one runs.  After a step, each other thread whose
 * next step is dependent on it (the two race: their order matters) draws
 * a new priority, and so does the thread that ran, whose next step is a
 * new one.  Random walk picks among threads, so a long run of independent
 * steps of one thread skews which orders of the racing steps it samples;
 * POS redraws exactly where the order matters, which makes the partial
 * orders it samples much closer to uniform, and its chance of hitting a
 * given race ordering does not shrink with the independent work around
 * it.  Like random and PCT it cannot conclude "verified"; its executions
 * are divided by seeds among jobs and shards. */
#include "explore/explore.h"
#include "rng.h"
#include "sched/run.h"

static uint64_t rng;
static uint64_t prio[WEFT__MAX_THREADS];
static int seen;                 /* threads given a priority */

static bool pos_begin(void)
{
	rng = weft__mix64(weft__opts.seed ^
			  weft__mix64((uint64_t)weft__exec_no() ^ 0x9051));
	seen = 0;
	return true;
}

static int pos_pick(const struct weft__decision *d)
{
	int best = -1;

	while (seen < d->nthreads)
		prio[seen++] = weft__rng_next(&rng);
	WEFT__TS_EACH(t, d->eligible)
		if (best < 0 || prio[t] > prio[best])
			best = t;
	return best;
}

/* The step of tid with op is about to run: redraw the priorities of the
 * next steps it races with, and of the step after it in its own thread. */
static void pos_step(int tid, const struct weft__op *op)
{
	for (int q = 0; q < weft__nthreads() && q < seen; q++)
		if (q != tid && !weft__thread_done(q) &&
		    weft__op_dependent(weft__thread_pending(q), op))
			prio[q] = weft__rng_next(&rng);
	if (tid < seen)
		prio[tid] = weft__rng_next(&rng);
}

static int pos_value(int n)
{
	return weft__rng_below(&rng, n);
}

static void pos_end(enum exec_result r)
{
	(void)r;
}

const struct weft__strategy weft__strategy_pos = {
	.name = "pos", .begin = pos_begin, .pick = pos_pick,
	.value = pos_value, .end = pos_end, .step = pos_step,
	.parts = WEFT__PARTS_SEEDS,
};
