/* src/explore/replay.c - replaying a decision sequence from a token.
 *
 * Replay follows the recorded decisions exactly and fails loudly when the
 * program does not offer the same choice (the recorded thread is not
 * runnable, a value is out of range, or decisions run out or are left
 * over): the program behaved differently from the recorded run. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/options.h"
#include "explore/explore.h"
#include "sched/run.h"

static uint32_t *dec;
static long ndec, pos;
static int runs;
/* The recorded run's thread alone from decision alone_at (-1: none). */
static long alone_at = -1;
static int alone_tid;

/* The usual cause is a program that reads something the token does not
 * carry: said with the message. */
_Noreturn __attribute__((format(printf, 1, 2))) static void
diverged(const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	weft__nondeterminism("%s (a replay needs the program, its arguments, "
			     "environment and input as they were when the "
			     "token was printed)", msg);
}

void weft__replay_load(uint32_t *d, long n)
{
	dec = d;
	ndec = n;
	alone_at = -1;
}

void weft__replay_alone(long at, int tid)
{
	alone_at = at;
	alone_tid = tid;
}

static bool rep_begin(void)
{
	pos = 0;
	return runs++ == 0;
}

static uint32_t t_at(long i)
{
	return i < ndec ? dec[i] : UINT32_MAX;
}

static uint32_t next(void)
{
	if (pos >= ndec)
		diverged("replay diverged at decision %ld: the "
				     "recorded run ended here, this one goes "
				     "on", pos);
	return dec[pos++];
}

static int rep_pick(const struct weft__decision *d)
{
	uint32_t t;

	/* Where the recorded run began a thread's run alone, so does the
	 * replay: the same steps follow, with the same clock. */
	if (pos == alone_at && (int)t_at(pos) == alone_tid)
		weft__sched_alone(alone_tid);
	t = next();

	/* Any enabled thread: exhaustive search may have chosen a deferred
	 * spinner (an unfair continuation), so fairness is not required. */
	if (t >= WEFT__MAX_THREADS || !weft__ts_has(d->enabled, (int)t))
		diverged("replay diverged at decision %ld: thread "
				     "%u is not runnable here", pos - 1, t);
	return (int)t;
}

static int rep_value(int n)
{
	uint32_t v = next();

	if ((int)v >= n)
		diverged("replay diverged at decision %ld: value "
				     "%u is outside [0,%d)", pos - 1, v, n);
	return (int)v;
}

static void rep_end(enum exec_result r)
{
	if (pos != ndec && r != EXEC_BUG)
		diverged("replay diverged: the run ended after %ld "
				     "of %ld recorded decisions", pos, ndec);
	/* weft prints a token for a bug or a limit only: a replay that
	 * took every decision and found neither took another path (a
	 * program reading an environment variable said "pass", exit 0, to
	 * the replay of its bug: a probe). */
	if (r == EXEC_OK && !weft__S->v.nfindings)
		diverged("replay diverged: the replayed run took all %ld "
			 "recorded decisions and found no bug", ndec);
}

const struct weft__strategy weft__strategy_replay = {
	.name = "replay", .begin = rep_begin, .pick = rep_pick,
	.value = rep_value, .end = rep_end,
};
