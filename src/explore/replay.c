/* src/explore/replay.c - replaying a decision sequence from a token.
 *
 * Replay follows the recorded decisions exactly and fails loudly when the
 * program does not offer the same choice (the recorded thread is not
 * runnable, a value is out of range, or decisions run out or are left
 * over): the program behaved differently from the recorded run. */
#include <stdlib.h>

#include "cli/options.h"
#include "explore/explore.h"

static uint32_t *dec;
static long ndec, pos;
static int runs;

void weft__replay_load(uint32_t *d, long n)
{
	dec = d;
	ndec = n;
}

static bool rep_begin(void)
{
	pos = 0;
	return runs++ == 0;
}

static uint32_t next(void)
{
	if (pos >= ndec)
		weft__nondeterminism("replay diverged at decision %ld: the "
				     "recorded run ended here, this one goes "
				     "on", pos);
	return dec[pos++];
}

static int rep_pick(const struct weft__decision *d)
{
	uint32_t t = next();

	/* Any enabled thread: exhaustive search may have chosen a deferred
	 * spinner (an unfair continuation), so fairness is not required. */
	if (t >= WEFT__MAX_THREADS || !weft__ts_has(d->enabled, (int)t))
		weft__nondeterminism("replay diverged at decision %ld: thread "
				     "%u is not runnable here", pos - 1, t);
	return (int)t;
}

static int rep_value(int n)
{
	uint32_t v = next();

	if ((int)v >= n)
		weft__nondeterminism("replay diverged at decision %ld: value "
				     "%u is outside [0,%d)", pos - 1, v, n);
	return (int)v;
}

static void rep_end(enum exec_result r)
{
	(void)r;
	if (pos != ndec && r != EXEC_BUG)
		weft__nondeterminism("replay diverged: the run ended after %ld "
				     "of %ld recorded decisions", pos, ndec);
}

const struct weft__strategy weft__strategy_replay = {
	.name = "replay", .begin = rep_begin, .pick = rep_pick,
	.value = rep_value, .end = rep_end,
};
