/* src/explore/split.c - dividing the exhaustive search into parts
 * that independent processes explore: --jobs=N on one machine, --shard=K/N
 * across machines.
 *
 * The optimal DPOR adds alternatives at any earlier node of the path (a
 * race reversed), so its subtrees are not independent: a part that skips a
 * subtree would miss the alternatives that subtree would have added above
 * it.  The split therefore gives the top of the tree full branching: at a
 * decision of the prefix every thread that is awake is a child (sleep sets
 * still apply, so no two complete executions are equivalent), and races
 * whose reversal would go into the prefix are dropped, because the prefix
 * already tries every order there.  The prefix ends where the product of
 * its branching factors reaches the split width W; the node reached there
 * is a leaf.  Below a leaf the search is the ordinary optimal DPOR from
 * that state and sleep set, which is complete for that subtree on its own
 * (the subtree's races only add alternatives inside it).
 *
 * Every part walks the same prefix in the same order, so the leaves get
 * the same numbers everywhere; part K of N explores the leaves numbered
 * K modulo N and ends the others as soon as it reaches them.  An execution
 * that ends inside the prefix is a leaf of its own.  The parts together
 * explore exactly the executions of the unsplit run with the same width;
 * where the reduction is optimal, that is also the number of complete
 * executions without any split.
 *
 * The preemption-bounded search (dfs.c) branches on every thread the bound
 * allows at every decision, with no sleep sets, so its subtrees are
 * independent already: its prefix is its first decisions, up to the same
 * width, and the leaves below are divided the same way. */
#include "explore/explore.h"
#include "sched/run.h"

static struct weft__split_cfg C = { .nshards = 1, .njobs = 1 };
static long leaf_no = -1;     /* the current leaf's number */
static bool owned;           /* the current leaf is this part's */
static bool foreign, reached, stopped;

void weft__split_setup(const struct weft__split_cfg *c)
{
	C = *c;
	if (C.nshards < 1)
		C.nshards = 1;
	if (C.njobs < 1)
		C.njobs = 1;
}

bool weft__split_active(void)
{
	return C.width > 0;
}

long weft__split_width(void)
{
	return C.width;
}

/* Before an execution: nothing decided about its leaf yet. */
void weft__split_begin(void)
{
	foreign = reached = false;
}

void weft__split_reset(void)
{
	/* A restart (new scheduling points after a data race, learnt in this
	 * process only) changes the tree: the other parts' leaves, numbered
	 * in the old one, no longer fit together with this part's.  So the
	 * first part to restart takes the whole test over and explores it
	 * unsplit; the others stop at their next leaf, and their results
	 * count only for the bugs they found.  A shard cannot tell the other
	 * shards: each that restarts takes over, and merging uses one of
	 * them. */
	if (C.width > 0 && leaf_no >= 0) {
		if (C.takeover &&
		    !__sync_bool_compare_and_swap(C.takeover, 0, C.job + 1)) {
			stopped = true; /* another job has taken over */
			return;
		}
		if (C.stop)
			__atomic_store_n(C.stop, -1, __ATOMIC_SEQ_CST);
		C.width = 0;
		weft__S->v.took_over = true;
	}
	leaf_no = -1;
	stopped = false;
}

bool weft__split_stopped(void)
{
	/* Leaves come in increasing order: once a bug lies in an earlier
	 * leaf (another job found it), the rest of this one is moot too. */
	if (C.width > 0 && C.stop && leaf_no >= 0 &&
	    leaf_no > __atomic_load_n(C.stop, __ATOMIC_SEQ_CST))
		stopped = true;
	return stopped;
}

static void note_leaf(void)
{
	struct weft__split_log *l = C.log;
	const struct weft__verdict *V;

	if (!l)
		return;
	if (l->n == l->cap) {
		l->overflow = true;
		return;
	}
	V = &weft__S->v;
	l->m[l->n++] = (struct weft__leaf_mark){
		leaf_no, V->executions, V->pruned, V->redundant, V->limited,
	};
}

/* Among the jobs of this process, a leaf is the first claimant's: a job
 * busy in a large subtree leaves the next leaves to the others. */
static bool claim(long n)
{
	if (C.claims && n < C.nclaims) {
		uint64_t b = (uint64_t)1 << (n % 64);
		return !(__atomic_fetch_or(&C.claims[n / 64], b,
					   __ATOMIC_SEQ_CST) & b);
	}
	return n % C.njobs == C.job;
}

/* A new leaf: is it this part's?  Also false once a leaf with a bug lies
 * before it (another job found one; everything after it is moot). */
static bool enter_leaf(void)
{
	leaf_no++;
	weft__S->v.leaf = leaf_no;
	if (leaf_no % C.nshards != C.shard)
		return false;
	if (C.stop && leaf_no > __atomic_load_n(C.stop, __ATOMIC_SEQ_CST)) {
		stopped = true;
		return false;
	}
	if (!claim(leaf_no / C.nshards))
		return false;
	note_leaf();
	return true;
}

bool weft__split_at_leaf(bool fresh)
{
	reached = true;
	/* A re-run of the path (the determinism probe) meets the leaf
	 * again: whose it is was decided the first time. */
	if (fresh)
		owned = enter_leaf();
	foreign = !owned;
	return owned;
}

void weft__split_end(void)
{
	static bool last_foreign;

	/* The determinism probe re-runs the last execution: it belongs to
	 * whoever that one belonged to. */
	if (weft__probe_run && !reached)
		foreign = last_foreign;
	else if (!reached && !enter_leaf())
		foreign = true;
	last_foreign = foreign;
}

bool weft__split_foreign(void)
{
	return foreign;
}

long weft__split_leaf(void)
{
	return leaf_no;
}


