/* src/report/trace_fold.c - a trace's repeated rounds drawn once.
 *
 * A livelock, a poll or a wait for a signal from outside draws the same
 * few rows thousands of times: the two threads of a loop that waits for
 * Ctrl-C drew 300 rows of the same six (sleep, wake, read of the flag
 * in each thread), and the one row that mattered, the signal's, was
 * lost among them.  A block of up to FOLD_PERIOD rows that comes again
 * at least FOLD_MIN times in a row is drawn once, then one row that
 * says how many times more it came; --verbose draws every row. */
#include <stdio.h>
#include <string.h>

#include "report/report.h"

#define FOLD_PERIOD 16
#define FOLD_MIN 3

/* Whether the p rows at b repeat the p rows at a, none of them one the
 * report refers to. */
static bool same_block(const struct weft__trace_row *rows, int a, int b,
		       int p)
{
	for (int k = 0; k < p; k++)
		if (rows[b + k].keep || rows[a + k].tid != rows[b + k].tid ||
		    strcmp(rows[a + k].text, rows[b + k].text))
			return false;
	return true;
}

/* The times the p rows at i come in a row (1: only once). */
static int times_at(const struct weft__trace_row *rows, int nr, int i, int p)
{
	int k = 1;

	while (i + (k + 1) * p <= nr && same_block(rows, i, i + k * p, p))
		k++;
	return k;
}

int weft__trace_fold(struct weft__trace_row *rows, int nr)
{
	int out = 0;

	for (int i = 0; i < nr;) {
		int best_p = 0, best_k = 0;
		/* The period that folds the most rows; the shortest of
		 * equals, since a block of 2p is also one of p twice. */
		for (int p = 1; p <= FOLD_PERIOD && i + FOLD_MIN * p <= nr;
		     p++) {
			int k = times_at(rows, nr, i, p);
			if (k >= FOLD_MIN && (k - 1) * p > (best_k - 1) * best_p) {
				best_p = p;
				best_k = k;
			}
		}
		if (!best_p) {
			rows[out++] = rows[i++];
			continue;
		}
		memmove(&rows[out], &rows[i], sizeof rows[0] * (size_t)best_p);
		out += best_p;
		rows[out].tid = rows[i].tid;
		rows[out].keep = false;
		/* At most 52 characters, a column's width: the counts are
		 * below 100 and 10^7. */
		snprintf(rows[out].text, sizeof rows[out].text,
			 "... %d row%s above, %d more time%s (--verbose)",
			 best_p % 100, best_p == 1 ? "" : "s",
			 (best_k - 1) % 10000000, best_k == 2 ? "" : "s");
		out++;
		i += best_p * best_k;
	}
	return out;
}
