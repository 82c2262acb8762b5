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

/* Probes kept per search.  Past it, the cuts at new places are counted
 * (lost), and the verdict's note says how many were not probed. */
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

/* Writes to an object before a step, for place_key: a small open table,
 * the objects of one execution's steps (past its size, the rest share a
 * slot, which only makes fewer places). */
#define VER_SLOTS 256
static struct {
	const void *obj;
	uint32_t writes;
} ver[VER_SLOTS];
static uint32_t nth[WEFT__MAX_THREADS];

static uint32_t *writes_of(const void *obj)
{
	uint64_t h = (uint64_t)(uintptr_t)obj * 0x9e3779b97f4a7c15ull;
	unsigned i = (unsigned)(h >> 56);

	for (unsigned n = 0; n < VER_SLOTS; n++, i = (i + 1) % VER_SLOTS)
		if (!ver[i].obj || ver[i].obj == obj) {
			ver[i].obj = obj;
			return &ver[i].writes;
		}
	return &ver[i].writes;
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 31;
	x *= 0x7fb5d329728ea185ull;
	x ^= x >> 27;
	x *= 0x81dadef4bc2dd44dull;
	return x ^ (x >> 33);
}

/* The place of a cut: the spinner, its pending operation, and each step
 * so far as its thread's n-th, with its operation, its object, the writes
 * to that object before it and the value chosen.  The steps are summed,
 * so that another order of the same independent steps is the same place
 * (the search explores many); a repeat of the spinner's step just before
 * (a poll again) counts once, and a read adds no write, so that a
 * spinner's extra polls make no places of their own.  Keyed by the
 * spinner and its operation alone, the first cut stood for every later
 * one: a poll cut after the other thread's store (reading an older value)
 * hid the cut before it, where running the spinner alone gives up
 * (libstdc++'s binary_semaphore::try_acquire against a release); keyed
 * by the order of the others' steps alone, a cut before another thread
 * read what the spinner wrote was the cut after it (a review), and the
 * orders filled the probes (a golden verification stopped at 256 of
 * 10,180 places). */
static uint64_t place_key(const struct weft__op *op, int q)
{
	struct weft__trace *T = &weft__S->t;
	const struct weft__step *st = weft__trace_steps(T), *last = NULL;
	uint64_t k = mix(((uint64_t)weft__op_signature(op) << 16) ^
			 (uint64_t)(unsigned)q);

	memset(ver, 0, sizeof ver);
	memset(nth, 0, sizeof nth);
	for (long i = 0; i < T->nsteps; i++) {
		const struct weft__step *x = &st[i];
		uint32_t *w = writes_of(x->obj);
		int t = x->tid >= 0 && x->tid < WEFT__MAX_THREADS ? x->tid : 0;

		if (x->tid == q && last && x->kind == STEP_OP &&
		    last->kind == STEP_OP && x->loc == last->loc &&
		    x->op == last->op && x->obj == last->obj)
			continue;
		if (x->tid == q)
			last = x;
		k += mix((uint64_t)(uintptr_t)x->op ^
			 mix((uint64_t)(uintptr_t)x->obj ^
			     ((uint64_t)*w << 40) ^
			     ((uint64_t)(uint16_t)t << 24) ^ nth[t]) ^
			 ((uint64_t)(uint32_t)x->value << 32));
		nth[t]++;
		if (x->acc == WEFT__ACC_WRITE)
			(*w)++;
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

	/* Past the kept decisions the first value, but for the spinner's
	 * timed waits, which time out: the others are slow, and a loop of
	 * 100 sem_timedwait ticks that then frees what the poster still
	 * uses never gave up in a probe, each wait kept waiting until the
	 * poster came (verified; pthread/timedwait_giveup_*). */
	if (ppos >= p->n)
		return weft__choosing_timeout && weft__self() == p->q ? n - 1
								      : 0;
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
