/* src/explore/dfs.c - exhaustive exploration with dynamic partial-order
 * reduction (Flanagan and Godefroid, POPL 2005), sleep sets, and a
 * preemption bound (Musuvathi and Qadeer, PLDI 2007).
 *
 * The exploration is stateless: each execution re-runs the test from the
 * start, following the recorded decisions down to the branch point, then
 * takes the new branch and continues with the default choice (keep running
 * the current thread, so the default never preempts).  At every step, for
 * each thread's next operation, the last earlier operation it races with
 * (dependent, same object, not ordered by happens-before) is found from the
 * per-object history; the thread is then added to the backtrack set of the
 * node before that operation (or, if it could not run there, every thread
 * that could).  Sleep sets keep already-explored orders of independent
 * steps from being explored again; an execution whose every runnable
 * thread is asleep is abandoned as redundant.
 *
 * With a preemption bound, a backtrack that would exceed the bound is not
 * explored, and, as bounded POR requires (Coons, Musuvathi and McKinley,
 * OOPSLA 2013), the thread is also added where the current run of the
 * racing thread began, so that schedules reaching the race with fewer
 * preemptions are not lost.  The bound is raised from 0 to the limit one
 * level at a time, so bugs needing few preemptions come first with short
 * traces; if a whole level finishes without the bound ever cutting a
 * branch, the exploration was complete for every bound. */
#include <stdlib.h>
#include <string.h>

#include "sched/sched.h"
#include "sched/clock.h"

struct node {
	uint8_t is_value;
	uint8_t chosen;
	uint16_t nvals;
	int16_t prev_tid;       /* thread of the previous step, -1 */
	uint8_t prev_runnable;  /* it could have continued (not a yield) */
	int preempt;            /* preemptions before this step */
	uint64_t enabled;       /* eligible threads here */
	uint64_t backtrack, done, sleep;
	uint64_t explored;       /* done and actually run (not cut by the
				    bound): only these may sleep */
};

static struct node *nodes;
static long *step_node;     /* step index -> node index */
static long cap;
static long depth;          /* nodes on the current path */
static long replay_len;     /* nodes to follow before going fresh */
static long pos;            /* next node index in this execution */
static uint64_t cur_sleep;  /* sleep set for the next node */
static int bound;           /* current preemption bound, -1 none */
static int max_bound;
static bool bound_cut;      /* the bound kept some branch unexplored */
static bool complete;
static bool started;

_Noreturn void weft__nondeterminism(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
void weft__end_execution(enum exec_result r) __attribute__((noreturn));

static inline uint64_t bit(int i)
{
	return (uint64_t)1 << i;
}

static void dfs_init(void)
{
	cap = weft__opts.max_steps * 2 + 64;
	nodes = weft__persistent_alloc(sizeof *nodes * (size_t)cap);
	step_node = weft__persistent_alloc(sizeof *step_node * (size_t)cap);
	max_bound = weft__opts.preemption_bound;
	bound = max_bound < 0 ? -1 : 0;
}

static bool is_preemption(const struct node *n, int q)
{
	return n->prev_tid >= 0 && q != n->prev_tid && n->prev_runnable;
}

static bool within_bound(const struct node *n, int q)
{
	if (bound < 0)
		return true;
	return n->preempt + (is_preemption(n, q) ? 1 : 0) <= bound;
}

/* Find the deepest node with an unexplored alternative and make it the
 * branch point.  Returns false when the tree is exhausted. */
static bool next_branch(void)
{
	for (long i = depth - 1; i >= 0; i--) {
		struct node *n = &nodes[i];
		if (n->is_value) {
			if (n->chosen + 1 < n->nvals) {
				n->chosen++;
				depth = replay_len = i + 1;
				return true;
			}
			continue;
		}
		uint64_t cand = n->backtrack & ~n->done & ~n->sleep & n->enabled;
		while (cand) {
			int q = __builtin_ctzll(cand);
			cand &= cand - 1;
			n->done |= bit(q);
			if (!within_bound(n, q)) {
				bound_cut = true;
				continue;
			}
			n->chosen = (uint8_t)q;
			n->explored |= bit(q);
			depth = replay_len = i + 1;
			return true;
		}
	}
	return false;
}

static bool restart;

void weft__points_changed(void)
{
	restart = true;
}

static bool dfs_begin(void)
{
	if (!nodes)
		dfs_init();
	pos = 0;
	cur_sleep = 0;
	if (restart) {
		restart = false;
		started = complete = false;
		bound = max_bound < 0 ? -1 : 0;
	}
	if (!started) {
		started = true;
		depth = replay_len = 0;
		bound_cut = false;
		return true;
	}
	if (complete)
		return false;
	if (next_branch())
		return true;
	/* This level is exhausted: raise the bound, or stop. */
	if (bound >= 0 && bound < max_bound && bound_cut) {
		bound++;
		bound_cut = false;
		depth = replay_len = 0;
		return true;
	}
	complete = true;
	return false;
}

/* The node where the run of the thread that executed node i began: the
 * conservative extra backtrack point of bounded POR. */
static long run_start(long i)
{
	int t = nodes[i].chosen;

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

static void add_backtrack(long i, int p)
{
	struct node *n = &nodes[i];

	if (n->enabled & bit(p))
		n->backtrack |= bit(p);
	else
		n->backtrack |= n->enabled;
}

static long latest_race(int p, const struct weft__op *op, const void *obj)
{
	const uint32_t *vc = weft__X->th[p].vc;
	struct weft__objrec *r = obj ? weft__objrec_find(obj, false) : NULL;
	long cand = -1;

	if (!r)
		return -1;
	if (op->ready) {
		/* A blocking acquisition is enabled by releases and cannot
		 * move before them; it races with the other acquisitions. */
		if (r->a_step >= 0 && r->a_tid != p && vc[r->a_tid] < r->a_clk)
			cand = r->a_step;
	} else if (r->w_step >= 0 && r->w_tid != p && vc[r->w_tid] < r->w_clk) {
		cand = r->w_step;
	}
	if (op->access == WEFT__ACC_WRITE) {
		for (uint64_t m = r->r_mask; m; m &= m - 1) {
			int u = __builtin_ctzll(m);
			if (u != p && vc[u] < r->r_clk[u] && r->r_step[u] > cand)
				cand = r->r_step[u];
		}
	}
	return cand;
}

/* For every thread's next operation, find the last racing step and add
 * backtrack points before it. */
static void analyse_races(void)
{
	struct weft__exec *X = weft__X;

	for (int p = 0; p < X->nthreads; p++) {
		const struct weft__op *op = X->th[p].pending;
		long s, s2;
		/* A disabled operation is analysed once it is enabled; until
		 * then its thread cannot be scheduled anywhere earlier. */
		if (X->th[p].state != TS_LIVE || !op ||
		    op->access == WEFT__ACC_NONE || !weft__thread_enabled(p))
			continue;
		s = latest_race(p, op, op->obj);
		s2 = latest_race(p, op, op->obj2);
		if (s2 > s)
			s = s2;
		if (s < 0)
			continue;
		add_backtrack(step_node[s], p);
		if (bound >= 0) {
			long r = run_start(step_node[s]);
			if (r != step_node[s])
				add_backtrack(r, p);
		}
	}
}

static int default_choice(uint64_t avail)
{
	int last = weft__X->last_tid;

	/* A spurious wakeup is explored when a race asks for it, never by
	 * default: the default run is the one the program most expects. */
	if (avail & ~weft__X->weak)
		avail &= ~weft__X->weak;

	if (last >= 0 && (avail & bit(last)))
		return last;
	return __builtin_ctzll(avail);
}

static int dfs_pick(uint64_t en, uint64_t elig)
{
	struct weft__exec *X = weft__X;
	struct node *n;
	int tid, last = X->last_tid;

	if (pos >= cap)
		weft__die("DFS path longer than its capacity");
	analyse_races();
	n = &nodes[pos];
	if (pos < replay_len) {
		tid = n->chosen;
		if (n->is_value || !(elig & bit(tid)))
			weft__nondeterminism(
				"the program took a different path when re-run "
				"with the same decisions (decision %ld): does it "
				"read the clock, use its own random numbers, or "
				"keep state weft does not reset?", pos);
	} else {
		uint64_t avail = elig & ~cur_sleep;
		*n = (struct node){ .prev_tid = (int16_t)last,
				    .prev_runnable = last >= 0 &&
						     (en & bit(last)) &&
						     !X->th[last].spinning,
				    .preempt = X->preemptions,
				    .enabled = elig, .sleep = cur_sleep };
		if (!avail)
			weft__end_execution(EXEC_REDUNDANT);
		tid = default_choice(avail);
		n->chosen = (uint8_t)tid;
		n->backtrack = n->done = n->explored = bit(tid);
		depth = pos + 1;
	}
	/* The sleep set after this step: threads asleep here or explored
	 * before here stay asleep while their next step is independent of
	 * the one taken. */
	{
		uint64_t s = (n->sleep | n->explored) & ~bit(tid);
		const struct weft__op *mine = X->th[tid].pending;
		for (uint64_t m = s; m; m &= m - 1) {
			int q = __builtin_ctzll(m);
			if (weft__op_dependent(X->th[q].pending, mine))
				s &= ~bit(q);
		}
		cur_sleep = s;
	}
	step_node[X->nsteps] = pos;
	pos++;
	return tid;
}

static int dfs_value(int n)
{
	struct node *nd;

	if (pos >= cap)
		weft__die("DFS path longer than its capacity");
	nd = &nodes[pos];
	if (pos < replay_len) {
		if (!nd->is_value || nd->nvals != n)
			weft__nondeterminism(
				"the program made a different choice when re-run "
				"with the same decisions (decision %ld)", pos);
	} else {
		*nd = (struct node){ .is_value = 1, .nvals = (uint16_t)n,
				     .chosen = 0 };
		depth = pos + 1;
	}
	pos++;
	return nd->chosen;
}

static void dfs_end(enum exec_result r)
{
	(void)r;
}

int weft__dfs_bound(void)
{
	return bound_cut || bound < 0 ? bound : -1;
}

bool weft__dfs_complete(void)
{
	return complete;
}

const struct weft__strategy weft__strategy_dfs = {
	.name = "dfs", .begin = dfs_begin, .pick = dfs_pick,
	.value = dfs_value, .end = dfs_end, .exhaustive = true,
};
