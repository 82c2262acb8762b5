/* src/explore/odpor_prefix.c - the top of the tree in a split search: full
 * branching until the product of the branching factors reaches the split
 * width, then the leaf (split.c says why, and numbers the leaves).
 *
 * For each decision d of the current path this file keeps pb[d], the
 * product of the prefix's branching factors before d, and width[d], the
 * number of children of d when it lies in the prefix.  odpor.c asks where
 * a decision lies, expands a prefix node the first time it is met, and
 * learns which decision is the leaf. */
#include <stdlib.h>
#include <string.h>

#include "odpor.h"

static long *pb;
static int *width;
static long cap;
static long leaf_at = -1; /* the leaf's decision in this execution, or -1 */


static void ensure(long d)
{
	long n = cap ? cap : 256;

	if (d < cap)
		return;
	while (n <= d)
		n *= 2;
	pb = realloc(pb, sizeof *pb * (size_t)n);
	width = realloc(width, sizeof *width * (size_t)n);
	if (!pb || !width)
		weft__die("out of memory for the split prefix");
	memset(width + cap, 0, sizeof *width * (size_t)(n - cap));
	cap = n;
}

void weft__prefix_begin(void)
{
	leaf_at = -1;
}

long weft__prefix_leaf(void)
{
	return leaf_at;
}

bool weft__prefix_in(long d)
{
	return weft__split_active() && d < cap && pb[d] < weft__split_width();
}

/* Full branching at a prefix decision seen for the first time: every other
 * awake thread becomes a sibling of the default choice c.  The flag on
 * node (the tree node whose children are d's choices) survives re-runs of
 * the path, so a node is expanded once. */
void weft__prefix_expand(long d, wref node, wref c, const weft__tset *others)
{
	int ts[WEFT__MAX_THREADS], n = 0;

	if (weft__wn[node].ev.flags & EV_EXPANDED)
		return;
	weft__wn[node].ev.flags |= EV_EXPANDED;
	width[d] = 1;
	WEFT__TS_EACH(t, others)
		ts[n++] = t;
	/* Each is inserted right after c: the last first, so the siblings
	 * end up in increasing order. */
	while (n--) {
		int t = ts[n];
		struct ev e;
		weft__ev_of_op(&e, t, weft__thread_pending(t));
		weft__wut_insert_after(c, weft__wut_new(&e));
		width[d]++;
	}
}

/* In the prefix, a thread whose next step is an invisible start or spawn
 * (it commutes with every step but the end of the process) runs before
 * anything else, without branching.  Branching on it would spend the
 * split's width on orders that sleep sets cut short at once, leaving
 * almost all the work in one leaf.  Running it first loses nothing: the
 * only order it forgoes is the end of the process before the step, which
 * no one can tell from the end of the process just after it (the step
 * changes nothing another thread can see), and the thread's next,
 * visible step still races with the end as usual.  Only these two: each
 * happens once per thread, where an invisible step in a loop (a yield)
 * run first could keep a spinner going forever.  Returns the thread, or
 * -1. */
int weft__prefix_eager(const weft__tset *avail)
{
	WEFT__TS_EACH(t, avail) {
		const struct weft__op *op = weft__thread_pending(t);
		struct ev e;
		if (!weft__thread_starting(t) && strcmp(op->name, "spawn") != 0)
			continue;
		weft__ev_of_op(&e, t, op);
		if (!(e.flags & (EV_ENDS | EV_CHOOSE)) &&
		    (e.access == WEFT__ACC_NONE || !e.obj))
			return t;
	}
	return -1;
}

/* Where decision d lies: in the prefix, at the leaf (the first decision
 * past it; another part's leaf ends the execution here), or below.  node
 * is the tree node whose children are d's choices; fresh, that the path
 * reaches d for the first time. */
void weft__prefix_step(long d, wref node, bool fresh)
{
	long w = weft__split_width();
	long p = d ? pb[d - 1] * (weft__prefix_in(d - 1) ? width[d - 1] : 1)
		   : 1;

	ensure(d);
	pb[d] = p < w ? p : w;
	/* A node expanded before (replayed, or a later child taken) keeps
	 * the width it had. */
	if (!(weft__wn[node].ev.flags & EV_EXPANDED))
		width[d] = 1;
	if (weft__prefix_in(d) || (d && !weft__prefix_in(d - 1)))
		return;
	leaf_at = d;
	if (!weft__split_at_leaf(fresh))
		weft__end_execution(EXEC_REDUNDANT);
}
