/* src/explore/dfs_race.c - the race analysis of dynamic partial-order
 * reduction: at every state, for each thread's next operation, find the
 * last earlier step it races with (dependent, on the same object or block,
 * not ordered by happens-before) and add a backtrack point before it. */
#include "sched/run.h"
#include "dfs.h"

/* The node where the run of the thread that executed node i began: the
 * conservative extra backtrack point of bounded POR. */
static long run_start(const struct node *nodes, long i)
{
	uint32_t t = nodes[i].chosen;

	while (i > 0) {
		long j = i - 1;
		while (j > 0 && nodes[j].is_value)
			j--;
		if (nodes[j].is_value || nodes[j].chosen != t)
			break;
		i = j;
	}
	return i;
}

/* Thread p can be run first at node i if it was there and enabled: a
 * record ended threads hand on (sched/thread.c) may have held another
 * thread at node i, and running that one does not reverse the race. */
static void add_backtrack(struct node *nodes, const long *step_node, long i,
			  int p)
{
	struct node *n = &nodes[i];
	long born = weft__thread_born(p);

	if ((born == 0 || i > step_node[born - 1]) &&
	    weft__ts_has(&n->enabled, p))
		weft__ts_add(&n->backtrack, p);
	else
		n->backtrack = weft__ts_or(n->backtrack, n->enabled);
}

static long latest_race(int p, const struct weft__op *op, const void *obj)
{
	const uint32_t *vc = weft__vc(p);
	struct weft__objrec *r = obj ? weft__objrec_find(obj, false) : NULL;
	long cand = -1;

	if (!r)
		return -1;
	if (op->ready) {
		/* A blocking acquisition is enabled by releases and cannot
		 * move before them; it races with the other acquisitions
		 * (and, for a writer, with readers' acquisitions below). */
		if (r->a_step >= 0 && r->a_tid != p && vc[r->a_tid] < r->a_clk)
			cand = r->a_step;
	} else if (r->w_step >= 0 && r->w_tid != p && vc[r->w_tid] < r->w_clk) {
		cand = r->w_step;
	}
	if (op->access == WEFT__ACC_WRITE) {
		WEFT__TS_EACH(u, &r->r_mask) {
			if (u != p && vc[u] < r->r_clk[u] && r->r_step[u] > cand)
				cand = r->r_step[u];
		}
	}
	return cand;
}

/* The last step of another thread whose liveness (op.h) does not commute
 * with p's next step, live, or -1.  Happens-before is not asked: the
 * backtrack point may be one too many, never one too few. */
static long latest_live(const struct node *nodes, long npos, int p,
			uint8_t live)
{
	for (long i = npos - 1; i >= 0; i--) {
		const struct node *n = &nodes[i];
		if (n->is_value || (int)n->chosen == p || !n->live)
			continue;
		if (weft__live_conflict(live, n->live))
			return i;
	}
	return -1;
}

/* For every thread's next operation, find the last racing step and add
 * backtrack points before it. */
void weft__dfs_analyse_races(struct node *nodes, long npos,
			     const long *step_node, int bound)
{
	for (int p = 0; p < weft__nthreads(); p++) {
		const struct weft__op *op = weft__thread_pending(p);
		long s, s2;
		/* Disabled operations are analysed too: one that another
		 * thread disabled for good (a stop that unschedules a pending
		 * fire) races with that thread's step.  Blocking acquisitions
		 * stay precise because releases are not race partners. */
		if (weft__thread_done(p) || !op ||
		    (op->access == WEFT__ACC_NONE &&
		     !(op->order & WEFT__ORDER_SC_FENCE)))
			continue;
		/* A blocked step changes no liveness where it stands (as in
		 * odpor_race.c); skipping it also spares the scan back for
		 * every idle worker at every step. */
		if (op->liveness && weft__thread_enabled(p)) {
			long k = latest_live(nodes, npos, p, op->liveness);
			if (k >= 0) {
				add_backtrack(nodes, step_node, k, p);
				if (bound >= 0 && run_start(nodes, k) != k)
					add_backtrack(nodes, step_node,
						      run_start(nodes, k), p);
			}
		}
		s = latest_race(p, op, op->obj);
		s2 = latest_race(p, op, op->obj2);
		if (s2 > s)
			s = s2;
		/* A seq_cst access races with the seq_cst fences; a step
		 * that is also a fence, with seq_cst accesses too. */
		if (op->order & (WEFT__ORDER_SC | WEFT__ORDER_SC_FENCE)) {
			struct weft__op sc = {
				.access = op->order & WEFT__ORDER_SC_FENCE
						  ? WEFT__ACC_WRITE
						  : WEFT__ACC_READ };
			s2 = latest_race(p, &sc, weft__sc_fence_obj());
			if (s2 > s)
				s = s2;
		}
		/* A use of a tracked block races with the block's free. */
		{
			const void *blk = weft__heap_block_start(op->obj);
			if (blk && blk != op->obj) {
				struct weft__op use = { .access = WEFT__ACC_READ };
				s2 = latest_race(p, &use, blk);
				if (s2 > s)
					s = s2;
			}
		}
		if (s < 0)
			continue;
		add_backtrack(nodes, step_node, step_node[s], p);
		if (bound >= 0) {
			long r = run_start(nodes, step_node[s]);
			if (r != step_node[s])
				add_backtrack(nodes, step_node, r, p);
		}
	}
}

