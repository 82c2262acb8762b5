/* src/explore/delay.c - delay-bounded scheduling (Emmi, Qadeer and
 * Rakamaric, "Delay-Bounded Scheduling", POPL 2011), sampled at random.
 *
 * The base scheduler is deterministic and non-preemptive: the thread that
 * ran last runs on while it is eligible; when it blocks or ends, the next
 * eligible thread after it in thread order runs (round robin).  A delay
 * at a step skips the thread the base scheduler would run there and hands
 * the step to the next eligible one after it.  Each execution draws
 * --depth delays at steps among the expected number k (learnt as PCT
 * learns it: the longest execution seen), so a schedule that d delays at
 * given steps reach is drawn with probability at least 1/k^d whatever the
 * number of threads; two delays drawn at one step skip two threads.
 * Where PCT's priorities reorder every thread at once, a delay moves one
 * step of one thread: the bugs of a program that is correct when its
 * threads run one after the other, except around a few points, need few
 * delays.  It cannot conclude "verified"; its executions are divided by
 * seeds among jobs and shards. */
#include "explore/explore.h"
#include "rng.h"

#define MAX_DELAYS 16

static uint64_t rng;
static long delay[MAX_DELAYS];   /* step of each delay */
static int ndelay;
static long k_est;               /* steps of the longest execution so far
				    (0: none ended yet; see pct.c) */

static bool delay_begin(void)
{
	int d = weft__opts.depth;

	rng = weft__mix64(weft__opts.seed ^
			  weft__mix64((uint64_t)weft__exec_no() ^ 0xde1a));
	ndelay = d < 0 || !k_est ? 0 : d > MAX_DELAYS ? MAX_DELAYS : d;
	for (int j = 0; j < ndelay; j++)
		delay[j] = (long)(weft__rng_next(&rng) % (uint64_t)k_est);
	return true;
}

/* The first thread of set after t in thread order, wrapping around. */
static int after(const weft__tset *set, int t)
{
	int i = weft__ts_next(set, t);

	return i >= 0 ? i : weft__ts_first(set);
}

static int delay_pick(const struct weft__decision *d)
{
	int t = d->last >= 0 && weft__ts_has(d->eligible, d->last)
			? d->last
			: after(d->eligible, d->last);

	for (int j = 0; j < ndelay; j++)
		if (delay[j] == d->step)
			t = after(d->eligible, t);
	return t;
}

static int delay_value(int n)
{
	return weft__rng_below(&rng, n);
}

static void delay_end(enum exec_result r)
{
	(void)r;
	k_est = weft__longest_run(k_est);
}

const struct weft__strategy weft__strategy_delay = {
	.name = "delay", .begin = delay_begin, .pick = delay_pick,
	.value = delay_value, .end = delay_end, .parts = WEFT__PARTS_SEEDS,
};
