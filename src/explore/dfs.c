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
 * branch, the exploration was complete for every bound.
 *
 * A bounded search branches on every thread the bound allows at every
 * node (see dfs_init), so its subtrees are independent, and --jobs and
 * --shard divide it by the leaves of a prefix (split.c): its first
 * decisions, until the product of their branching factors reaches the
 * split width.  A split search runs every level from 0 to the bound, so
 * that bugs still come first with the fewest preemptions (running the
 * full bound at once found seed bugs 10 to 15 times later): a part cannot
 * tell whether another part's subtrees had a branch the bound cut, so it
 * goes on to the next level whether or not its own had one.  Leaves are
 * numbered on across the levels, the same in every part. */
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "explore/explore.h"
#include "sched/run.h"
#include "dfs.h"


static struct node *nodes;
static long *step_node;     /* step index -> node index */
static long cap;
static long depth;          /* nodes on the current path */
static long replay_len;     /* nodes to follow before going fresh */
static long pos;            /* next node index in this execution */
static weft__tset cur_sleep;  /* sleep set for the next node */
static int bound;           /* current preemption bound, -1 none */
static int max_bound;
static bool bound_cut;      /* the bound kept some branch unexplored */
static bool fair_cut;       /* the fairness bound did */
static bool complete;
static bool started;

/* Debugging switches for work on the explorer itself:
 * WEFT_DFS_NO_SLEEP=1 turns sleep sets off; WEFT_DFS_FULL=1 makes every
 * node a full branching point (plain exhaustive search, no reduction). */
static bool no_sleep, full;
/* The bound the default strategy's bounded phase set (-1: none, the
 * user's --preemption-bound rules). */
static int preset = -1;

void weft__dfs_preset_bound(int k)
{
	preset = k;
}

static void dfs_init(void)
{
	no_sleep = getenv("WEFT_DFS_NO_SLEEP") != NULL;
	/* A preemption-bounded search branches on every enabled thread at
	 * every step: partial-order reduction and preemption bounds do not
	 * combine soundly in general (Coons, Musuvathi and McKinley, OOPSLA
	 * 2013), and a bounded verdict must cover every schedule within its
	 * bound.  Unbounded searches use the optimal DPOR of odpor.c. */
	max_bound = preset >= 0 ? preset : weft__opts.preemption_bound;
	full = getenv("WEFT_DFS_FULL") != NULL || max_bound >= 0;
	cap = weft__opts.max_steps * 2 + 64;
	nodes = weft__persistent_alloc(sizeof *nodes * (size_t)cap);
	step_node = weft__persistent_alloc(sizeof *step_node * (size_t)cap);
	bound = max_bound < 0 ? -1 : 0;
}

static bool restart;
static bool probed;
/* Sleep sets are used only when nothing bounds the search: a thread put to
 * sleep because its subtree was explored there may have been explored
 * under a bound that cut branches which another path would reach within
 * the bound (Coons, Musuvathi and McKinley describe the conflict).  If the
 * fairness bound cuts while sleep sets are on, the search restarts
 * without them. */
static bool sleep_off;

static bool sleep_on(void)
{
	return !no_sleep && !full && !sleep_off && bound < 0;
}

static bool is_preemption(const struct node *n, int q)
{
	return n->prev_tid >= 0 && q != n->prev_tid && n->prev_runnable;
}

/* Running a deferred spinner ahead of the threads it yielded to is an
 * unfair continuation: legal, but a spin loop has one such schedule per
 * iteration count, so their number per execution is bounded. */
static bool fair_ok(const struct node *n, int q)
{
	int fb = weft__opts.fair_bound;

	return fb < 0 || !weft__ts_has(&n->deferred, q) || n->unfair + 1 <= fb;
}

static bool bound_ok(const struct node *n, int q)
{
	return bound < 0 || n->preempt + (is_preemption(n, q) ? 1 : 0) <= bound;
}

/* Whether q may run at n, noting which bound cut it if not. */
static bool within_bound(const struct node *n, int q)
{
	if (!fair_ok(n, q)) {
		fair_cut = true;
		if (sleep_on()) {
			sleep_off = true;
			restart = true;
		}
		return false;
	}
	if (bound_ok(n, q))
		return true;
	bound_cut = true;
	return false;
}


/* ---- the split prefix -------------------------------------------------- */

/* The children node n will have: its own choice, and every other enabled
 * thread both bounds allow there; and how many of them are no
 * preemption. */
static void children(struct node *n)
{
	n->width = n->calm = 0;
	WEFT__TS_EACH(q, &n->enabled) {
		if ((uint32_t)q != n->chosen && (!fair_ok(n, q) || !bound_ok(n, q)))
			continue;
		n->width++;
		n->calm += !is_preemption(n, q);
	}
}

/* What the subtree of n's current child is of n's, inverted, roughly: the
 * children that are no preemption keep the bound's budget and share most
 * of the search; one that preempts has a budget one smaller, counted as
 * an eighth of a sibling's.  With plain products of the branching
 * factors the leaves were all equally deep and the three leaves where no
 * preemption had happened yet held 97% of seed 001's search: most
 * schedules spend their preemptions after the prefix. */
static long share(const struct node *n)
{
	long calm = n->calm ? n->calm : 1;

	if (n->width <= 1 || n->is_value)
		return n->width ? n->width : 1;
	if (is_preemption(n, (int)n->chosen))
		return calm * 8;
	return calm;
}

/* Decision i is about to be taken: the estimate of the search's size over
 * its subtree's (up to the width; 1 when the search is not split), and,
 * at the prefix's first decision
 * past the width (the leaf), whether the leaf is this part's; another
 * part's ends the execution here. */
static long split_step(long i)
{
	long w = weft__split_width(), p = 1;

	if (!weft__split_active())
		return 1;
	if (i > 0) {
		const struct node *prev = &nodes[i - 1];
		p = prev->pb < w ? prev->pb * share(prev) : prev->pb;
		if (p > w)
			p = w;
	}
	/* The leaf is new when a decision before it changed: the one before
	 * replay_len, unless this is the determinism probe, which changes
	 * none. */
	if (p >= w && (i == 0 || nodes[i - 1].pb < w) &&
	    !weft__split_at_leaf(i >= replay_len && !weft__probe_run))
		weft__end_execution(EXEC_REDUNDANT);
	return p;
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
		weft__tset cand = weft__ts_and(
			weft__ts_minus(n->backtrack,
				       weft__ts_or(n->done, n->sleep)),
			n->enabled);
		WEFT__TS_EACH(q, &cand) {
			weft__ts_add(&n->done, q);
			if (!within_bound(n, q))
				continue;
			n->chosen = (uint32_t)q;
			n->op_sig = 0; /* learnt on the re-run */
			weft__ts_add(&n->explored, q);
			depth = replay_len = i + 1;
			return true;
		}
	}
	return false;
}

bool weft__probe_run;

static bool dfs_begin(void)
{
	if (!nodes)
		dfs_init();
	if (weft__split_active() && !full)
		weft__die("a split of the DFS search without full branching");
	pos = 0;
	cur_sleep = weft__ts_none();
	weft__clock_steps = true; /* read by the race analysis */
	/* Set again below for the probe alone: the first execution after a
	 * restart is none (odpor.c clears it here too). */
	weft__probe_run = false;
	if (weft__restart_pending) {
		weft__restart_pending = false;
		restart = true;
	}
	if (restart) {
		restart = false;
		started = complete = false;
	}
	if (!started) {
		started = true;
		depth = replay_len = 0;
		bound_cut = fair_cut = false;
		/* A restart takes a split search over (or stops this part),
		 * as split.c says; the level to start at follows. */
		weft__split_reset();
		bound = max_bound < 0 ? -1 : 0;
		weft__dfs_prefix_from_env(nodes, cap, &depth, &replay_len);
		return !weft__split_stopped();
	}
	if (complete || weft__split_stopped())
		return false;
	/* Determinism probe: the first schedule is re-run once in full, and
	 * every step must match; a program that reads the clock or its own
	 * random numbers is caught here with a clear error, instead of
	 * quietly making the exploration incomplete. */
	if (!probed && depth > 0) {
		probed = true;
		weft__probe_run = true;
		replay_len = depth;
		return true;
	}
	if (next_branch())
		return true;
	/* This level is exhausted: raise the bound, or stop (a part of a
	 * split search goes on: see the top). */
	if (bound >= 0 && bound < max_bound &&
	    (bound_cut || weft__split_active())) {
		bound++;
		bound_cut = false;
		depth = replay_len = 0;
		return true;
	}
	complete = true;
	return false;
}

/* Every thread that could move is asleep except threads that spin: left
 * alone, the spinners would poll until --max-steps while the sleepers wait
 * for a dependent step that never comes (a kthread polling
 * kthread_should_stop while the test thread sleeps).  Abandoning the
 * execution would be unsound (a spinner's next step may write), so the
 * sleepers are woken instead. */
static bool only_spinners_awake(const struct weft__decision *d,
				const weft__tset *avail)
{
	if (!weft__ts_meets(*d->enabled, cur_sleep))
		return false;
	WEFT__TS_EACH(q, avail)
		if (!weft__ts_has(d->spinning, q))
			return false;
	return true;
}

/* The last non-daemon thread's exit ends the test, and the end-of-test
 * checks read state the daemons change (a timer still armed, work still
 * pending): the exit conflicts with every enabled daemon step. */
static void end_of_test_conflicts(struct node *n, int tid,
				  const weft__tset *en)
{
	const struct weft__op *op = weft__thread_pending(tid);

	if (!op || strcmp(op->name, "exit") != 0 || weft__thread_daemon(tid))
		return;
	for (int i = 0; i < weft__nthreads(); i++)
		if (i != tid && !weft__thread_done(i) && !weft__thread_daemon(i))
			return;
	weft__tset both = weft__ts_and(*en, n->enabled);
	WEFT__TS_EACH(d, &both)
		if (weft__thread_daemon(d))
			weft__ts_add(&n->backtrack, d);
}

static int dfs_pick(const struct weft__decision *d)
{
	const weft__tset *en = d->enabled;
	struct node *n;
	int tid, last = d->last;
	long pb;

	if (pos >= cap)
		weft__die("DFS path longer than its capacity");
	/* The set of scheduling points grew during this execution: the
	 * recorded path no longer describes the program, so the rest of the
	 * execution runs fresh and the tree restarts at the next one. */
	if ((restart || weft__restart_pending) && pos < replay_len)
		replay_len = pos;
	/* With full branching every node's backtrack set holds every enabled
	 * thread already: the races would add nothing. */
	if (!full)
		weft__dfs_analyse_races(nodes, pos, step_node, bound);
	pb = split_step(pos);
	n = &nodes[pos];
	if (pos < replay_len) {
		const struct weft__op *op;
		tid = n->chosen;
		op = weft__ts_has(en, tid) ? weft__thread_pending(tid) : NULL;
		if (n->is_value || !op ||
		    (n->op_sig && weft__op_signature(op) != n->op_sig))
			weft__nondeterminism(
				"the program took a different path when re-run "
				"with the same decisions (decision %ld: the "
				"recorded run had a step at line %d, this run %s"
				"): does it read the clock, use its own random "
				"numbers, keep state weft does not reset, or "
				"read bytes it never wrote (the padding an "
				"atomic compare-exchange of a long double or of "
				"a struct with holes compares)?",
				pos, n->op_line,
				op ? weft__internf("has %s at line %d", op->name,
						   op->loc ? op->loc->line : 0)
				   : "cannot run that thread");
	} else {
		weft__tset avail = weft__ts_minus(*en, cur_sleep);
		*n = (struct node){ .prev_tid = (int16_t)last,
				    .prev_runnable = last >= 0 &&
						     weft__ts_has(en, last) &&
						     !weft__ts_has(d->weak, last) &&
						     !weft__ts_has(d->spinning,
								   last),
				    .preempt = d->preemptions,
				    .unfair = d->unfair,
				    .enabled = *en,
				    .deferred = *d->costly,
				    .sleep = cur_sleep };
		if (!weft__ts_empty(avail) && only_spinners_awake(d, &avail)) {
			/* Waking sleepers costs reduction, never soundness. */
			cur_sleep = weft__ts_none();
			avail = *en;
			n->sleep = weft__ts_none();
		}
		if (weft__ts_empty(avail))
			weft__end_execution(EXEC_REDUNDANT);
		tid = weft__default_choice(d, &avail);
		end_of_test_conflicts(n, tid, en);
		n->chosen = (uint32_t)tid;
		n->op_sig = weft__op_signature(weft__thread_pending(tid));
		n->op_line = weft__thread_pending(tid)->loc
				     ? weft__thread_pending(tid)->loc->line
				     : 0;
		n->backtrack = n->done = n->explored = weft__ts_one(tid);
		if (full)
			n->backtrack = *en;
		n->pb = pb;
		children(n);
		depth = pos + 1;
	}
	/* The sleep set after this step: threads asleep here or explored
	 * before here stay asleep while their next step is independent of
	 * the one taken. */
	{
		weft__tset s = weft__ts_minus(weft__ts_or(n->sleep, n->explored),
					      weft__ts_one(tid));
		weft__tset keep = s;
		const struct weft__op *mine = weft__thread_pending(tid);
		WEFT__TS_EACH(q, &s)
			if (weft__op_dependent(weft__thread_pending(q), mine))
				weft__ts_del(&keep, q);
		cur_sleep = sleep_on() ? keep : weft__ts_none();
	}
	if (!n->op_sig) {
		n->op_sig = weft__op_signature(weft__thread_pending(tid));
		n->op_line = weft__thread_pending(tid)->loc
				     ? weft__thread_pending(tid)->loc->line
				     : 0;
	}
	n->live = weft__thread_pending(tid)->liveness;
	step_node[d->step] = pos;
	pos++;
	return tid;
}

static int dfs_value(int n)
{
	struct node *nd;
	long pb;

	if (pos >= cap)
		weft__die("DFS path longer than its capacity");
	nd = &nodes[pos];
	if ((restart || weft__restart_pending) && pos < replay_len)
		replay_len = pos;
	pb = split_step(pos);
	if (pos < replay_len) {
		if (!nd->is_value || nd->nvals != (uint32_t)n)
			weft__nondeterminism(
				"the program made a different choice when re-run "
				"with the same decisions (decision %ld)", pos);
	} else {
		*nd = (struct node){ .is_value = 1, .nvals = (uint32_t)n,
				     .chosen = 0, .pb = pb,
				     .width = (uint32_t)n };
		depth = pos + 1;
	}
	pos++;
	return nd->chosen;
}

static void dfs_end(enum exec_result r)
{
	(void)r;
	if (weft__split_active())
		weft__split_end();
	weft__dfs_target_check(nodes, depth);
}

bool weft__dfs_raise_bound(int k)
{
	if (!complete || !bound_cut || k <= max_bound || max_bound < 0)
		return false;
	/* From the first schedule again, deepening from bound 0 to k (the
	 * lower levels run again, a fraction of the new one's schedules): a
	 * search that has ended has no branch left to resume from, and the
	 * first version of this, which set the level and went on, ran no
	 * schedule of it and claimed it clean. */
	max_bound = k;
	restart = true;
	return true;
}

int weft__dfs_bound(void)
{
	return bound_cut || bound < 0 ? bound : -1;
}

int weft__dfs_fair_bound(void)
{
	return fair_cut ? weft__opts.fair_bound : -1;
}

bool weft__dfs_complete(void)
{
	return complete;
}

const struct weft__strategy weft__strategy_dfs = {
	.name = "dfs", .begin = dfs_begin, .pick = dfs_pick,
	.value = dfs_value, .end = dfs_end, .exhaustive = true,
	.parts = WEFT__PARTS_SPLIT,
};
