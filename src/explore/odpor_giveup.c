/* src/explore/odpor_giveup.c - give-up probes of the optimal DPOR: where
 * the fairness bound cut a spinner's continuation, one more schedule in
 * which the spinner runs alone until it leaves its loop.
 *
 * Fair scheduling (Musuvathi and Qadeer, PLDI 2008) runs a thread that
 * polls and sees nothing new ahead of the threads it yielded to at most
 * --fair-bound times per execution.  A loop that polls N times and then
 * gives up (takes a slow producer for a dead one) then needs N unfair
 * continuations, and a bug behind it was verified: a consumer that
 * polls a flag 100 times before it asserts that it was set fails in
 * nearly every native run, since main has not yet created the producer
 * when its polls are over (a probe of programs nobody here wrote).
 *
 * So each place where the bound cut a spinner is kept, as the decisions
 * that led there, once per spinner thread, pending operation and the
 * order of the steps before (place_key); once
 * the search is complete (each round of the deepening in strategy.c),
 * each is run again, the spinner alone from there (weft__sched_alone)
 * for as long as it can run (its loop gives up, then it blocks or ends)
 * or WEFT__ALONE_STEPS pass, the other threads after it by the default
 * choice.  A probe is no new schedule of the
 * search: like the determinism probe it counts only when it finds a bug,
 * and the tree does not hear of it.  A bug needs the token of the probe
 * alone: its decisions are all recorded (the spinner's steps alone are
 * ordinary steps with one thread enabled). */
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#define WEFT__ODPOR_OWN
#include "odpor.h"

/* Probes kept per search.  Past it, places are counted (lost), and the
 * verdict's note says how many were not probed. */
#define MAX_PROBES 256

struct probe {
	uint32_t *dec; /* the decisions before the cut */
	long n;
	int q;         /* the spinner */
	uint64_t key;  /* the place (place_key) */
};

static struct probe probes[MAX_PROBES];
static int nprobes, next;
static long lost;
static bool active, kept, ended;
static long ppos;

bool weft__giveup_kept(void)
{
	return kept;
}

long weft__giveup_lost(void)
{
	return lost;
}

void weft__giveup_reset(void)
{
	for (int i = 0; i < nprobes; i++)
		free(probes[i].dec);
	nprobes = next = 0;
	lost = 0;
	active = false;
}

/* The place of a cut: the spinner, its pending operation, and the
 * execution's steps so far in their order, with the values chosen, a
 * repeat of the spinner's step just before it (the same operation at the
 * same place, a poll again) left out, so that its polls do not make
 * places of their own.  Keyed by
 * the spinner and its operation alone, the first cut stood for every
 * later one: a poll cut after the other thread's store (reading an older
 * value) hid the cut before it, where running the spinner alone gives up
 * (libstdc++'s binary_semaphore::try_acquire against a release).  Left
 * out, the spinner's steps made a cut before another thread read what
 * the spinner wrote one with the cut after it. */
static uint64_t place_key(const struct weft__op *op, int q)
{
	struct weft__trace *T = &weft__S->t;
	const struct weft__step *st = weft__trace_steps(T);
	uint64_t k = ((uint64_t)weft__op_signature(op) << 16) ^
		     (uint64_t)(unsigned)q;

	for (long i = 0; i < T->nsteps; i++) {
		uint64_t v = (uint64_t)(uint16_t)(st[i].tid + 1) |
			     (uint64_t)(uint32_t)st[i].value << 16;
		if (st[i].tid == q && i > 0 && st[i - 1].tid == q &&
		    st[i].kind == STEP_OP && st[i - 1].kind == STEP_OP &&
		    st[i].loc == st[i - 1].loc && st[i].op == st[i - 1].op)
			continue;
		k = (k ^ v) * 0x100000001b3ull;
	}
	return k;
}

/* Keep the place where thread q was cut (see weft__giveup_note). */
static void keep(const struct weft__decision *d, int q)
{
	struct weft__trace *T = &weft__S->t;
	const struct weft__op *op = weft__thread_pending(q);
	uint64_t key;
	uint32_t *dec;

	/* A spinner's loop, not a busy thread deferred by --starve-bound
	 * (whose work alone would go on to the step limit). */
	if (!op || !weft__ts_has(d->spinning, q))
		return;
	key = place_key(op, q);
	for (int i = 0; i < nprobes; i++)
		if (probes[i].key == key)
			return;
	if (nprobes == MAX_PROBES) {
		lost++;
		return;
	}
	dec = malloc(sizeof *dec * (size_t)(T->ndec + 1));
	if (!dec)
		return;
	memcpy(dec, weft__trace_dec(T), sizeof *dec * (size_t)T->ndec);
	probes[nprobes++] = (struct probe){ dec, T->ndec, q, key };
	kept = true;
}

void weft__giveup_note(const struct weft__decision *d, int q)
{
	if (!active && !weft__probe_run && !weft__split_active())
		keep(d, q);
}

bool weft__giveup_next(void)
{
	if (next >= nprobes)
		return false;
	active = true;
	ppos = 0;
	weft__probe_run = true;
	next++;
	return true;
}

bool weft__giveup_active(void)
{
	return active;
}

/* The decisions kept, then the spinner (alone from there), then the
 * default choice among the fair threads, bounded in unfair continuations
 * as the search is (a spin that outlasts the bound ends the probe, not
 * the step limit).  A kept decision that cannot be taken again (the
 * program is not deterministic) ends the probe. */
int weft__giveup_pick(const struct weft__decision *d)
{
	const struct probe *p = &probes[next - 1];
	int fb = weft__opts.fair_bound;
	int tid;

	if (ppos < p->n) {
		tid = (int)p->dec[ppos++];
		if (tid < 0 || tid >= d->nthreads ||
		    !weft__ts_has(d->enabled, tid))
			weft__end_execution(EXEC_REDUNDANT);
		return tid;
	}
	if (ppos++ == p->n) {
		if (!weft__ts_has(d->enabled, p->q))
			weft__end_execution(EXEC_REDUNDANT);
		weft__sched_alone(p->q);
		return p->q;
	}
	/* Past the bound, another spinner here is cut as the search would
	 * cut it: it gets a probe of its own, from this place.  Two waiters
	 * that must both give up their polls (libstdc++'s atomic wait, 16
	 * polls before the futex) before a notify_one wakes only one of them
	 * needed --fair-bound=40 before. */
	if (fb >= 0 && d->unfair + 1 > fb)
		WEFT__TS_EACH(q, d->costly)
			if (weft__ts_has(d->enabled, q))
				keep(d, q);
	tid = weft__default_choice(d, d->enabled);
	if (weft__ts_has(d->costly, tid) && fb >= 0 && d->unfair + 1 > fb)
		weft__end_execution(EXEC_REDUNDANT);
	return tid;
}

int weft__giveup_value(int n)
{
	const struct probe *p = &probes[next - 1];
	int v;

	if (ppos >= p->n)
		return 0;
	v = (int)p->dec[ppos++];
	if (v < 0 || v >= n)
		weft__end_execution(EXEC_REDUNDANT);
	return v;
}

bool weft__giveup_end(void)
{
	ended = active;
	if (!active)
		return false;
	active = false;
	return true;
}

bool weft__giveup_ended(void)
{
	return ended;
}
