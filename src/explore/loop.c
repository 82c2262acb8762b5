/* src/explore/loop.c - the exploration loop: executions one after another
 * under the chosen strategy until it has nothing left, the budget is
 * spent or a bug ends the search, and what the shared record says at the
 * end (the verdict, the counts, the finding kept for the report).  The
 * worker process (src/cli/worker.c) sets up and calls it; the parent
 * reads the record.
 *
 * Only the most serious finding of a search that goes on after findings
 * (leaks, lock-order cycles, a data race whose consequences are explored)
 * is kept with its execution's trace; the others are listed after it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "explore.h"
#include "sched/run.h"

/* One of several parts of a search: a part with nothing left to explore
 * is not all-pruned on its own (the parts' sum decides). */
static bool in_parts;

/* weft__explore_stop was called in the execution just run. */
static bool stop_now;

void weft__explore_stop(void)
{
	stop_now = true;
}

/* A deeper round of the fairness bound run by the parent: the jobs' flag
 * that one of them gave the round up (the executions of the rounds
 * before are budget.c's). */
static volatile long *abandon_flag;

/* The counts of the complete rounds, taken as a deeper round starts: a
 * round given up does not count, so that the counts are the search the
 * verification rests on (and, in parts, do not depend on when the jobs
 * stopped).  A worker of a deeper round in parts counts nothing then:
 * the parent holds the rounds before. */
static struct round_counts {
	long executions, pruned, redundant, limited, total_steps;
} done_counts;

/* weft__verdict_note's key of the fairness bound's note. */
#define FAIR_NOTE 0x4641495242444e44ull

/* What a verification bounded in unfair continuations leaves out, in the
 * terms of the code a user has: a bounded retry loop, which give-up
 * probes (odpor_giveup.c) explore further where this process kept any. */
static void fair_note(const struct weft__verdict *V)
{
	long lost = weft__giveup_lost(), capped = weft__alone_capped();
	char more[200] = "";
	int len = 0;

	if (lost)
		len = snprintf(more, sizeof more, "; not at %ld more cuts",
			       lost);
	/* A loop still polling when its run alone ended: its give-up, if
	 * it has one later, was not reached (a poll of 20,000 tries was
	 * verified without a word of it). */
	if (capped)
		snprintf(more + len, sizeof more - (size_t)len,
			 "; a loop still polled after them (%ld runs "
			 "alone): a give-up later than that is not "
			 "covered, --max-steps raises them",
			 capped);
	if (weft__giveup_kept())
		weft__verdict_note(
			FAIR_NOTE,
			weft__internf("a retry loop that fails more than %d "
				      "tries while another thread could run is "
				      "explored further only alone (up to %ld "
				      "steps, the others slow%s): a bug "
				      "that needs another thread's step among "
				      "its later tries is not covered, and "
				      "with several such loops their tries add "
				      "up: "
				      "--fair-bound=N covers N+1",
				      V->fair_bound + 1, weft__alone_steps(),
				      more));
	else
		weft__verdict_note(
			FAIR_NOTE,
			weft__internf("a bug that needs a retry loop to "
				      "fail more than %d tries while another "
				      "thread could run (then give up) is not "
				      "covered, and with several such loops "
				      "their extra tries add up: "
				      "--fair-bound=N covers N+1",
				      V->fair_bound + 1));
}


/* An execution ran into --max-steps while busy threads starved one that
 * could run (weft__starve_limit): a loop that takes a lock, reads a flag
 * and unlocks writes at every round, so it is no spin to fair
 * scheduling, and the first schedule ran it alone to the limit, the
 * writer never.  Unless the user gave --starve-bound, the search starts
 * again with it on, and the verdict says so: its line names the bound,
 * as for a user's.  Not in a search in parts, whose parts must agree. */
static bool auto_starve(const struct weft__loop_cfg *cfg)
{
	/* (A replay runs the token's execution once: its command carries
	 * the bound the search ran with, report/command.c.) */
	if (!weft__starve_limit || weft__opts.starve_bound_set ||
	    weft__opts.starve_bound || in_parts || cfg->split ||
	    weft__probe_run || weft__opts.replay)
		return false;
	weft__opts.starve_bound = WEFT__AUTO_STARVE;
	weft__restart_pending = true;
	weft__verdict_note(
		WEFT__AUTO_STARVE_NOTE,
		weft__internf("an execution ran past --max-steps=%ld while "
			      "another thread could run and did not (a loop "
			      "that locks to read a flag is no spin to fair "
			      "scheduling): the search ran again with "
			      "--starve-bound=%d, a thread that runs that many "
			      "steps while others could waits for them "
			      "(--starve-bound=0 keeps it off)",
			      weft__opts.max_steps, WEFT__AUTO_STARVE));
	return true;
}

/* weft__verdict_note's key of the note below. */
#define WIDE_NOTE 0x574944454e4f4e44ull

/* A search none of whose executions ran to its end, some of them failing
 * an assumption on sampled nondet values (`assume(5 <= n && n <= 10)`
 * against {0,1,2,-1}), the others cut by a limit, starts again once with
 * the wider sets (src/pthread/verifier.c), and the verdict says so.  Not
 * in a search in parts, whose parts must agree.  (SV-COMP's
 * pthread-nondet tasks were all inconclusive, all-pruned: a probe.) */
static bool widen_nondet(struct weft__shm *S, const struct weft__loop_cfg *cfg)
{
	if (weft__nondet_wide || !weft__nondet_widenable ||
	    !S->v.inputs_sampled || S->v.executions ||
	    !S->v.pruned || in_parts || cfg->split || weft__probe_run)
		return false;
	weft__nondet_wide = 1;
	weft__restart_pending = true;
	weft__verdict_note(WIDE_NOTE,
			   "no execution ran to its end (each failed an "
			   "assumption on the sampled nondet values, or ran "
			   "into a limit): the search ran again with the wider "
			   "sets below");
	return true;
}

static void finish(struct weft__verdict *V, double t0, int verdict)
{
	verdict = weft__asm_verdict(V, verdict);
	V->verdict = verdict;
	/* The bound a verification holds for: -1 only when no branch was
	 * ever cut by the bound, i.e. the exploration covered every
	 * interleaving. */
	V->bound = weft__explore_bound();
	V->fair_bound = weft__explore_fair_bound();
	if (V->fair_bound < 0)
		V->starve_bound = -1;
	if (verdict == VERDICT_VERIFIED && V->fair_bound >= 0)
		fair_note(V);
	/* A deeper round given up: the other jobs stop too, and the parent
	 * keeps the last complete round's verdict. */
	V->abandoned = weft__strategy_round_abandoned();
	if (V->abandoned && abandon_flag)
		__atomic_store_n(abandon_flag, 1, __ATOMIC_SEQ_CST);
	if (V->abandoned && verdict != VERDICT_BUG) {
		V->executions = done_counts.executions;
		V->pruned = done_counts.pruned;
		V->redundant = done_counts.redundant;
		V->limited = done_counts.limited;
		V->total_steps = done_counts.total_steps;
	}
	V->seconds = weft__now() - t0;
	snprintf(V->strategy, sizeof V->strategy, "%s", weft__strategy_ran());
	__atomic_store_n(&V->state, SHM_DONE, __ATOMIC_SEQ_CST);
}

/* What runs now, in the shared verdict as the phases of the default
 * strategy change: a worker that crashes never reaches finish(), and its
 * report named the strategy it started with ("found by dfs" for a crash
 * in the fallback's random schedules, a probe of real programs).  The
 * names are literals: a new one is a new pointer (shown is reset as
 * each test's search begins). */
static const char *shown;

static void show_strategy(struct weft__shm *S)
{
	const char *ran = weft__strategy_ran();

	if (ran != shown) {
		snprintf(S->v.strategy, sizeof S->v.strategy, "%s", ran);
		shown = ran;
	}
}

/* Executions in a row cut by a limit after which the default strategy's
 * fallback to random schedules (see weft__strategy_fall_back) gives up. */
#define FALLBACK_CUTS 4000

/* Executions in a row that found nothing new after which a search that
 * has a finding already (a data race) stops looking for a worse one. */
#define FINDING_QUIET 10000

/* The first execution a limit of weft ended keeps its trace, its reason
 * and its message, for an inconclusive verdict. */
struct limit_rec {
	struct weft__kept *rec;
	char kind[64];
	char message[1024];
	long exec, leaf;
	/* Some cut may have hidden another thread's steps from the search
	 * (weft__cut_hides). */
	bool hides;
};

static void note_limit(struct weft__shm *S, struct limit_rec *L, long exec_no)
{
	weft__verdict_limited(&S->v, S->v.kind);
	L->hides |= weft__cut_hides;
	if (L->rec)
		return;
	L->rec = weft__kept_save(&S->t);
	L->exec = exec_no;
	L->leaf = S->v.leaf;
	snprintf(L->kind, sizeof L->kind, "%s", S->v.kind);
	snprintf(L->message, sizeof L->message, "%s", S->v.message);
	S->v.kind[0] = 0;
}

/* No bug: the verdict the exploration supports. */
static void finish_clean(struct weft__shm *S, double t0, struct limit_rec *L,
			 bool complete)
{
	if (L->rec) {
		weft__kept_restore(S, L->rec);
		snprintf(S->v.kind, sizeof S->v.kind, "%s", L->kind);
		snprintf(S->v.reason, sizeof S->v.reason, "%s", L->kind);
		snprintf(S->v.message, sizeof S->v.message, "%s", L->message);
		S->v.bug_exec = L->exec;
		S->v.bug_leaf = L->leaf;
		finish(&S->v, t0, VERDICT_INCONCLUSIVE);
		return;
	}
	S->v.verdict = complete ? VERDICT_VERIFIED : VERDICT_PASS;
	/* One part of several may have nothing: the parts' sum decides. */
	if (!in_parts)
		weft__check_all_pruned(S);
	finish(&S->v, t0, S->v.verdict);
}

/* Tell the other jobs where the bug is: they need not explore past it. */
static void publish_bug(const struct weft__loop_cfg *cfg, long exec_no)
{
	long mine = cfg->split ? weft__S->v.leaf : exec_no;
	long cur = __atomic_load_n(cfg->min_bug, __ATOMIC_SEQ_CST);

	while (mine < cur &&
	       !__atomic_compare_exchange_n(cfg->min_bug, &cur, mine, false,
					    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		;
}

void weft__explore_loop(const struct weft_test *t,
		       const struct weft__loop_cfg *cfg)
{
	struct weft__shm *S = weft__S;
	double t0 = weft__now(), limit = weft__opts.time_limit;
	struct weft__kept *found = NULL;
	struct limit_rec lim = { 0 };
	long exec_no = cfg->first, cuts = 0;
	int nfind = 0, found_sev = 1 << 20, primary = -1;
	bool fell_back = false, over = false, over_quiet = false;
	long quiet = 0;

	in_parts = cfg->in_parts;
	shown = NULL;
	weft__budget_begin(cfg);
	if (cfg->deeper_from >= 0) {
		weft__strategy_deeper_round(cfg->deeper_from, cfg->deepen_end,
					    cfg->secs_before);
		t0 -= cfg->secs_before;
		abandon_flag = cfg->abandon;
	}

	weft__cur_test = t;

	for (;; exec_no += cfg->stride) {
		enum exec_result r;
		if (!weft__budget_take(exec_no))
			break;
		if (abandon_flag && *abandon_flag) {
			weft__budget_give_back();
			over = weft__strategy_abandon_round();
			break;
		}
		if (cfg->min_bug && !cfg->split && exec_no > *cfg->min_bug)
			break;
		if (limit > 0 && weft__now_coarse() - t0 > limit)
			break;
		weft__set_exec_no(exec_no);
		weft__replay_context_mark();
		weft__split_begin();
		weft__clock_steps = false;
		if (!weft__strat->begin()) {
			/* No execution left for this job: the one reserved
			 * goes back to the others (kept, it left them one
			 * short of the budget: 999 of 1000 executions). */
			weft__budget_give_back();
			if (weft__strategy_verified() && !S->v.nfindings) {
				/* No execution ran to its end, and some
				 * failed an assumption on the sampled nondet
				 * values: once more with the wider sets, before
				 * a fallback for the ones a limit cut (a value
				 * of UINT_MAX that drives a loop past
				 * --max-steps, a review's probe). */
				if (widen_nondet(S, cfg)) {
					exec_no -= cfg->stride;
					continue;
				}
				/* A limit of weft cut some execution, so this
				 * is no verification: the default strategy
				 * spends the rest of the budget looking for a
				 * bug the cut executions may have hidden.  Not
				 * when no cut hid anything (each was a refused
				 * call, which the search ordered against every
				 * other thread's step, or came before the
				 * program started a thread): random schedules
				 * then only run the same cut again, as 999
				 * executions of a program that calls alarm()
				 * first did where dfs ran one.  Nor in a split
				 * search, whose parts do not fall back: one
				 * process with --split=W must count what
				 * --jobs=N does. */
				if (lim.rec && lim.hides && !in_parts &&
				    !cfg->split &&
				    weft__strategy_fall_back()) {
					fell_back = true;
					exec_no -= cfg->stride;
					continue;
				}
				/* Cut by the fairness bound only: a deeper
				 * round, unless the user gave the bound. */
				if (!lim.rec && !in_parts && !cfg->split &&
				    weft__strategy_deepen(exec_no)) {
					done_counts = (struct round_counts){
						S->v.executions, S->v.pruned,
						S->v.redundant, S->v.limited,
						S->v.total_steps };
					exec_no -= cfg->stride;
					continue;
				}
				weft__budget_settle();
				finish_clean(S, t0, &lim, true);
				return;
			}
			break;
		}
		weft__starve_limit = false;
		show_strategy(S);
		r = weft__run_execution(t);
		weft__strat->end(r);
		if (r == EXEC_LIMIT && auto_starve(cfg)) {
			exec_no -= cfg->stride;
			weft__budget_give_back();
			continue;
		}
		/* A deeper round of the fairness bound over its allowance, or
		 * cut by a limit: the last complete round's verdict stands.
		 * A probe's run (a re-run, a give-up probe) is not the
		 * round's: a give-up probe that ran into --max-steps
		 * abandoned the deepening, and a bug that needed the deeper
		 * bound was verified at the first (a review found it). */
		over = r != EXEC_BUG && !weft__probe_run &&
		       weft__strategy_round_over(weft__budget_runs(),
					      r == EXEC_LIMIT);
		if (cfg->debug_exec)
			weft__dump_execution(r);
		S->v.total_steps += S->t.nsteps;
		/* Another part's: it counts and reports it.  Unless what it
		 * found restarts the search (new racing sites): then this part
		 * takes the whole test over or stops (split.c), the
		 * owner may never get there, and the finding must not be lost. */
		if (weft__split_foreign() && !weft__restart_pending) {
			weft__budget_give_back();
			S->v.nfindings = nfind;
			exec_no -= cfg->stride;
			continue;
		}
		if (weft__probe_run && r != EXEC_BUG) {
			exec_no -= cfg->stride; /* a re-run, not a new one */
			weft__budget_give_back();
			/* A limit that stops the search is the verdict's. */
			if (stop_now && r == EXEC_LIMIT)
				note_limit(S, &lim, exec_no);
		} else {
			if (r == EXEC_OK || r == EXEC_BUG)
				S->v.executions++;
			else if (r == EXEC_PRUNED)
				S->v.pruned++;
			else if (r == EXEC_REDUNDANT)
				S->v.redundant++;
			else if (r == EXEC_LIMIT && !over)
				note_limit(S, &lim, exec_no);
		}
		/* After the fallback, a program every execution of which a
		 * limit cuts (threads created without end) stops once that
		 * has gone on for FALLBACK_CUTS executions, rather than at
		 * the time limit: random schedules find what they find in
		 * the first few thousand (PCT alone, 1,000 cuts, missed
		 * tests/detect/sound/limit_mix_monitor_bug).  A redundant
		 * execution (the explorer's own, cut where it repeats one
		 * already run) breaks no such run: a program that loops
		 * until a signal from outside, in two threads, went on to
		 * the time limit, 60 s, its cuts broken by redundant ones. */
		cuts = r == EXEC_LIMIT ? cuts + 1
				       : r == EXEC_REDUNDANT ? cuts : 0;
		if (fell_back && cuts >= FALLBACK_CUTS)
			break;
		/* A finding that ends no execution (a data race) leaves the
		 * verdict a bug: the search goes on for worse ones (the race's
		 * consequences), but once FINDING_QUIET executions in a row
		 * found nothing new and no new racing site, the verdict
		 * stands (a race found in the first execution of 150 threads
		 * was reported after the whole time limit). */
		if (S->v.nfindings > nfind || weft__restart_pending)
			quiet = 0;
		else if (S->v.nfindings && ++quiet >= FINDING_QUIET)
			over_quiet = true;
		if (S->v.nfindings > nfind && r != EXEC_BUG) {
			int w = weft__worst_finding(&S->v, nfind);
			int sev = weft__finding_rank(S->v.findings[w].kind);
			if (sev < found_sev) {
				weft__kept_free(found);
				found_sev = sev;
				primary = w;
				S->v.bug_exec = exec_no;
				S->v.bug_probe = weft__giveup_ended();
				S->v.bug_leaf = S->v.leaf;
				S->v.bug_seconds = weft__now() - t0;
				found = weft__kept_save(&S->t);
				weft__kept_token(t, S);
			}
		}
		nfind = S->v.nfindings;
		if (r == EXEC_BUG) {
			S->t.nctx = weft__exec_context_export(
				S->t.ctx,
				(int)(sizeof S->t.ctx / sizeof S->t.ctx[0]));
			S->v.bug_exec = exec_no;
			S->v.bug_probe = weft__giveup_ended();
			S->v.bug_seconds = weft__now() - t0;
			S->v.bug_leaf = S->v.leaf;
			S->v.bug_fatal = true;
			if (cfg->min_bug)
				publish_bug(cfg, exec_no);
			weft__budget_settle();
			finish(&S->v, t0, VERDICT_BUG);
			return;
		}
		if (over || over_quiet || stop_now)
			break;
	}
	weft__budget_settle();
	/* The budget may run out in a deeper round of the fairness bound. */
	over = weft__strategy_abandon_round() || over;
	if (S->v.nfindings && found) {
		weft__kept_restore(S, found);
		weft__finding_lead(&S->v, primary);
		finish(&S->v, t0, VERDICT_BUG);
		return;
	}
	finish_clean(S, t0, &lim, over);
}

