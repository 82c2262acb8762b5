/* src/report/progress.c - a progress line on stderr for long runs.
 *
 * Shown only when stderr is a terminal and a test has run for 2 s, so
 * pipes, files and CI logs stay clean; --quiet turns it off.  The parent
 * reads the counts the workers keep in their shared records, so showing
 * progress costs the exploration nothing.  The line is redrawn in place
 * with a carriage return and padded with blanks rather than cleared with
 * an escape sequence, which a dumb terminal would print. */
#include <string.h>
#include <unistd.h>

#include "cli/options.h"
#include "report.h"

#define SHOW_AFTER 2.0 /* seconds */

static const struct weft_test *cur;
static double t0;
static int shown;      /* length of the line on screen, 0: none */

void weft__progress_start(const struct weft_test *t)
{
	cur = t;
	t0 = weft__now();
	shown = 0;
}

/* The auto strategy's phase, as the worker decides it (strategy.c): the
 * exhaustive search for half of the budget, then PCT. */
static const char *phase(const char *strategy, long execs, double elapsed)
{
	if (strcmp(weft__opts.strategy, "auto"))
		return strategy;
	if ((weft__opts.iterations > 0 && execs >= weft__opts.iterations / 2) ||
	    (weft__opts.time_limit > 0 && elapsed >= weft__opts.time_limit / 2))
		return "auto, pct phase";
	return "auto, exhaustive dfs phase";
}

void weft__progress_tick(struct weft__shm **S, int n)
{
	double elapsed = weft__now() - t0;
	long execs = 0;
	char line[200];
	int len;

	if (weft__outputs.quiet || elapsed < SHOW_AFTER || !isatty(2))
		return;
	for (int i = 0; i < n; i++)
		execs += S[i]->v.executions + S[i]->v.pruned +
			 S[i]->v.redundant + S[i]->v.limited;
	len = snprintf(line, sizeof line,
		       "weft: %.60s: %ld executions, %.0f/s, %s, %.0f s",
		       cur->name, execs, execs / elapsed,
		       phase(S[0]->v.strategy[0] ? S[0]->v.strategy
						 : weft__opts.strategy,
			     execs, elapsed),
		       elapsed);
	if (len >= (int)sizeof line)
		len = (int)sizeof line - 1;
	fprintf(stderr, "\r%s%*s", line, shown > len ? shown - len : 0, "");
	fflush(stderr);
	shown = len > shown ? len : shown;
}

void weft__progress_end(void)
{
	if (shown)
		fprintf(stderr, "\r%*s\r", shown, "");
	fflush(stderr);
	shown = 0;
}
