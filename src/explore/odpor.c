/* src/explore/odpor.c - the "dfs" strategy without a preemption bound:
 * stateless exploration with optimal dynamic partial-order reduction (see
 * odpor.h for the algorithm and its sources).
 *
 * Each execution re-runs the test from the start.  Decision d follows the
 * first child of the tree node before it: for d below the branch point
 * this replays the path explored before (and must behave the same: a
 * program that does not is reported as nondeterministic), after it the
 * child is the next step of a wakeup sequence, and where the tree has no
 * child the default choice continues (keep running the current thread, so
 * the default never preempts; prefer fair choices).  When the execution
 * ends its races are analysed, then the path is unwound: every explored
 * step goes into its node's done set (the sleep sets of the later siblings
 * are built from them) until a node with a pending child is found.
 *
 * Steps of wakeup sequences that cannot run (the thread is blocked there:
 * a reversal of a blocking operation that no state allows) are dropped and
 * counted; choose steps get their other values as siblings.
 *
 * What each decision holds (the step taken, the done and sleep sets) is
 * kept by odpor_level.c. */
#include "cli/options.h"
#define WEFT__ODPOR_OWN /* its short names, odpor.h */
#include "odpor.h"

static wref root = -1;
static long pos;             /* next decision */
static long replay_len;      /* decisions that replay the known path */
static long prev_len;        /* length of the last execution */
static struct ev pending_end[WEFT__MAX_THREADS];
static int32_t sec_from[WEFT__MAX_THREADS];
static int32_t parent[WEFT__MAX_THREADS];
static bool started, complete, need_unwind, fair_cut;
static bool probed;
static long dropped;         /* wakeup steps that could not run */

static wref node_of(long d)
{
	return d == 0 ? root : lv[d - 1].w;
}

static wref node_at(long d)
{
	return node_of(d);
}

/* ---- choosing ------------------------------------------------------------- */

static void diverged(long d, const char *why)
{
	weft__nondeterminism(
		"the program took a different path when re-run with the same "
		"decisions (decision %ld: %s): does it read the clock, use its "
		"own random numbers, keep state weft does not reset, or read "
		"bytes it never wrote (the padding an atomic compare-exchange "
		"of a long double or of a struct with holes compares)?",
		d, why);
}

/* The first child of the node before decision d that can run now; the
 * ones that cannot are dropped. */
static wref next_child(long d, const struct weft__decision *dc)
{
	const weft__tset *en = dc->enabled;
	wref node = node_of(d);
	weft__tset sl = asleep(d);
	int fb = weft__opts.fair_bound;

	for (;;) {
		wref c = weft__wn[node].child;
		int q;
		if (c < 0)
			return -1;
		/* A step kept from another execution names its thread by
		 * key: the record numbers of threads created after the
		 * branch point change with the order of their creations. */
		q = weft__thread_of_key(weft__wn[c].ev.key);
		if (q >= 0 && weft__ts_has(en, q) && !weft__ts_has(&sl, q)) {
			bool unfair = weft__ts_has(dc->costly, q);
			if (!unfair || fb < 0 || dc->unfair + 1 <= fb)
				return c;
			fair_cut = true;
			weft__giveup_note(dc, q);
		}
		weft__wut_free(weft__wut_pop_front(node));
		dropped++;
	}
}

static int odpor_pick(const struct weft__decision *dc)
{
	const weft__tset *en = dc->enabled, *elig = dc->eligible;
	long d = pos;
	wref c;
	int tid;

	if (weft__giveup_active())
		return weft__giveup_pick(dc);
	if (weft__restart_pending && d < replay_len)
		replay_len = d;
	ensure_cap(d + 1);
	if (weft__split_active())
		weft__prefix_step(d, node_of(d), replay_len < d);
	compute_sleep(d);
	if (d == weft__prefix_leaf())
		for (int k = 0; k < lv[d].nsleep; k++)
			sleepbuf[lv[d].sleep_off + k].flags |= EV_INHERITED;
	if (d < replay_len) {
		c = lv[d].w;
		tid = weft__thread_of_key(weft__wn[c].ev.key);
		if (tid < 0 || !weft__ts_has(en, tid))
			diverged(d, "the recorded thread cannot run");
		struct ev now;
		weft__ev_of_op(&now, tid, weft__thread_pending(tid));
		if (now.sig != weft__wn[c].ev.sig)
			diverged(d, "the recorded thread is at another step");
		/* The same step on another object: memory that is not where
		 * it was, such as an uninstrumented library's malloc (weft
		 * restores its own heap and the program's data, not the C
		 * library's arenas).  weft's own objects must be stable too
		 * (a file's name made unique by mkstemp is keyed by its
		 * maker, pthread/fs.c).  The reductions key steps by object, so
		 * the orders planned on the first address were taken for
		 * redundant on the next, and a double free of a refcount in
		 * g_new'd memory was verified (a probe of GLib programs). */
		if (now.obj != weft__wn[c].ev.obj)
			diverged(d, "the recorded step is on an object at "
				    "another address, as memory an "
				    "uninstrumented library allocated is");
	} else {
		c = next_child(d, dc);
		if (c >= 0) {
			tid = weft__thread_of_key(weft__wn[c].ev.key);
		} else {
			weft__tset avail = weft__ts_minus(
				*en, weft__ts_or(asleep(d), done_tids(d)));
			int fb = weft__opts.fair_bound;
			if (weft__ts_empty(avail))
				weft__end_execution(EXEC_REDUNDANT);
			/* At the bound, a spinner that yielded runs only
			 * where its loop's round has paid for the step
			 * (dc->costly): running another is one unfair
			 * continuation too many. */
			if (!weft__ts_meets(avail, *elig) && fb >= 0 &&
			    dc->unfair + 1 > fb) {
				weft__tset cut = weft__ts_and(avail, *dc->costly);
				avail = weft__ts_minus(avail, *dc->costly);
				if (weft__ts_empty(avail)) {
					fair_cut = true;
					WEFT__TS_EACH(q, &cut)
						weft__giveup_note(dc, q);
					weft__end_execution(EXEC_REDUNDANT);
				}
			}
			int eager = weft__prefix_in(d) ? weft__prefix_eager(&avail)
						       : -1;
			tid = eager >= 0 ? eager
					 : weft__default_choice(dc, &avail);
			struct ev e;
			weft__ev_of_op(&e, tid, weft__thread_pending(tid));
			c = weft__wut_new(&e);
			weft__wut_push_front(node_of(d), c);
			if (weft__prefix_in(d) && eager < 0) {
				weft__ts_del(&avail, tid);
				weft__prefix_expand(d, node_of(d), c, &avail);
			}
		}
		lv[d].w = c;
		lv[d].ndone = d == replay_len ? lv[d].ndone : 0;
	}
	{
		struct step_info *s = &weft__odpor_steps[d];
		int32_t keep_val = weft__wn[c].ev.val;
		uint8_t keep_choose = weft__wn[c].ev.flags & EV_CHOOSE;
		weft__ev_of_op(&s->ev, tid, weft__thread_pending(tid));
		s->ev.val = keep_val;
		s->ev.flags |= keep_choose;
		s->enabled = *en;
		s->section = dc->atomic == tid ? sec_from[tid] : -1;
		/* Each step is a decision, so the step count at a thread's
		 * creation is the index of its spawn step plus one. */
		s->created = (int32_t)(weft__thread_born(tid) - 1);
		if (dc->atomic != tid)
			sec_from[tid] = (int32_t)d;
		/* The tree keeps the step as it really ran. */
		uint8_t expanded = weft__wn[c].ev.flags & EV_EXPANDED;
		weft__wn[c].ev = s->ev;
		weft__wn[c].ev.flags |= expanded;
	}
	pos = d + 1;
	return tid;
}

static int odpor_value(int n)
{
	long d = pos - 1;
	wref c;

	if (weft__giveup_active())
		return weft__giveup_value(n);
	if (d < 0)
		weft__die("a choice before any step");
	c = lv[d].w;
	if (weft__wn[c].ev.flags & EV_CHOOSE) {
		/* A wakeup sequence may run a step where it has fewer values
		 * (a load moved before a store it could read): the last one,
		 * and the others as siblings below.  On the known path the
		 * same step has the same values, or the program is not
		 * deterministic. */
		if (weft__wn[c].ev.val >= n) {
			if (d < replay_len)
				diverged(d, "a choice has fewer values");
			weft__wn[c].ev.val = n - 1;
		}
	} else {
		weft__wn[c].ev.flags |= EV_CHOOSE;
		weft__wn[c].ev.val = 0;
	}
	/* A choice made at a new place (fresh, or as a step of a wakeup
	 * sequence, which fixed its value) gets its other values as the next
	 * siblings: each value is an event of its own (Nidhugg's
	 * nondeterministic races). */
	if (d >= replay_len) {
		for (int v = n - 1; v >= 0; v--) {
			struct ev e = weft__wn[c].ev;
			if (v == e.val || value_known(d, node_of(d), e.key, v))
				continue;
			e.val = v;
			weft__wut_insert_after(c, weft__wut_new(&e));
		}
	}
	weft__odpor_steps[d].ev.flags |= EV_CHOOSE;
	weft__odpor_steps[d].ev.val = weft__wn[c].ev.val;
	return weft__wn[c].ev.val;
}

/* ---- the end of an execution ------------------------------------------------ */

static void analyse(enum exec_result r)
{
	int nthreads = weft__nthreads();
	struct odpor_view v = {
		.steps = weft__odpor_steps, .n = pos, .first_new = replay_len,
		.pending = pending_end, .nthreads = nthreads,
		.sleep_at = weft__odpor_sleep_at, .node_at = node_at,
		.parent = parent,
		.fixed = !weft__split_active()	 ? 0
			 : weft__prefix_leaf() >= 0 ? weft__prefix_leaf()
						    : pos,
	};

	bool daemon_done = false;

	for (int t = 0; t < nthreads; t++) {
		const struct weft__op *op = weft__thread_pending(t);
		parent[t] = (int32_t)(weft__thread_born(t) - 1);
		if (weft__thread_done(t)) {
			daemon_done |= weft__thread_flags(t) &
				       WEFT__THREAD_END_CHECKED;
			continue;
		}
		if (!op)
			continue;
		weft__ts_add(&v.live, t);
		weft__ev_of_op(&pending_end[t], t, op);
		if (weft__thread_enabled(t))
			weft__ts_add(&v.enabled_end, t);
	}
	/* A normal end with threads still alive: the last step ended the
	 * process (an exit, or the last thread the test waits for), so it
	 * conflicts with every step they would have taken, and with their
	 * last steps taken: it could have come before those too.  That
	 * holds for threads blocked at the end as well (a daemon waiting for
	 * its next callback may have run its last one after the end in
	 * another order), so their being enabled is not the test.  And it
	 * holds for a daemon whose finishing the end-of-test checks read (a
	 * kthread never stopped) that finished before the end: in another
	 * order it is still running then.  (Other daemons, workers a queue's
	 * destruction ends, are no such thread: their orders against the end
	 * would only be more executions.) */
	v.ended_process = r == EXEC_OK && pos > 0 &&
			  (!weft__ts_empty(v.live) || daemon_done);
	/* A call weft refuses ends the execution as a limit, after a step
	 * that ends the process (weft__limit): the others' next steps race
	 * with it as with an exit, or the order where they run first was
	 * never tried (a worker's failed assertion before main's fork()). */
	if (r == EXEC_LIMIT && pos > 0 &&
	    (weft__odpor_steps[pos - 1].ev.flags & EV_ENDS))
		v.ended_process = !weft__ts_empty(v.live);
	if (v.ended_process) {
		weft__odpor_steps[pos - 1].ev.flags |= EV_ENDS;
		weft__wn[lv[pos - 1].w].ev.flags |= EV_ENDS;
	}
	weft__odpor_races(&v);
}

static void odpor_end(enum exec_result r)
{
	if (weft__giveup_end())
		return;
	prev_len = pos;
	if (weft__split_active())
		weft__split_end();
	if (!weft__probe_run && r != EXEC_BUG && !weft__restart_pending &&
	    !weft__split_foreign())
		analyse(r);
	need_unwind = true;
}

/* Unwind the finished path to the deepest node with a pending child;
 * returns false when there is none: the exploration is complete. */
static bool unwind(void)
{
	for (long d = prev_len; d > 0; d--) {
		wref w = lv[d - 1].w;
		if (weft__wn[w].child >= 0) {
			replay_len = d;
			return true;
		}
		if (weft__wut_pop_front(node_of(d - 1)) != w)
			weft__die("DPOR path is not the first branch");
		add_done(d - 1, &weft__wn[w].ev);
		weft__wut_free(w);
		lv[d].ndone = 0;
	}
	if (weft__wn[root].child >= 0) {
		replay_len = 0;
		return true;
	}
	return false;
}

/* The finished path unwound if it was not yet (odpor_end leaves that to
 * the next begin): whether the search is complete. */
static bool unwound(void)
{
	if (need_unwind) {
		need_unwind = false;
		if (!unwind())
			complete = true;
	}
	return complete;
}

static void reset_tree(void)
{
	if (root >= 0)
		weft__wut_free(root);
	root = weft__wut_new(&(struct ev){ .tid = -1, .val = -1 });
	for (long d = 0; d < cap; d++)
		lv[d].ndone = 0;
	replay_len = prev_len = 0;
	complete = fair_cut = false;
	weft__split_reset();
	weft__giveup_reset();
}

static bool odpor_begin(void)
{
	pos = 0;
	weft__prefix_begin();
	sleepused = 0;
	weft__probe_run = false;
	if (!started || weft__restart_pending) {
		started = true;
		weft__restart_pending = false;
		need_unwind = false;
		reset_tree();
		/* Another part took the search over after a restart. */
		return !weft__split_stopped();
	}
	/* Once the search is complete, its give-up probes run. */
	if (complete || weft__split_stopped())
		return weft__giveup_next();
	/* Determinism probe: the first schedule is re-run once in full, and
	 * every step must match; a program that reads the clock or its own
	 * random numbers is caught here with a clear error, instead of
	 * quietly making the exploration incomplete. */
	if (!probed && prev_len > 0) {
		probed = true;
		weft__probe_run = true;
		replay_len = prev_len;
		return true;
	}
	if (unwound())
		return weft__giveup_next();
	return true;
}

bool weft__odpor_complete(void)
{
	return complete;
}

bool weft__odpor_exhausted(void)
{
	if (complete)
		return true;
	if (!started || weft__restart_pending || weft__split_stopped())
		return false;
	return unwound();
}

bool weft__odpor_fair_cut(void)
{
	return fair_cut;
}

long weft__odpor_dropped(void)
{
	return dropped;
}

const struct weft__strategy weft__strategy_odpor = {
	.name = "dfs", .begin = odpor_begin, .pick = odpor_pick,
	.value = odpor_value, .end = odpor_end, .exhaustive = true,
	.parts = WEFT__PARTS_SPLIT,
};
