/* src/explore/random.c - the random strategy: at every step, a thread
 * chosen uniformly among the eligible ones (but in a solo run, below). */
#include "explore/explore.h"
#include "rng.h"

static uint64_t rng;

/* A solo run: in one execution of SOLO_ONE_IN, from its solo_at-th choice
 * on, the thread then chosen is chosen again whenever it can run, for
 * solo_left choices, fairness or not: the other threads are slow.  Chosen
 * uniformly at every step, a thread that yields or sleeps between its
 * polls (its step then defers to the others) never ran four rounds while
 * the lock holder it polled stayed off the processor, and a lost wakeup
 * behind an adaptive mutex's spin-then-sleep was `pass` after 200,000
 * executions (the exhaustive search's give-up probe found it: a probe of
 * lock-free pthread programs). */
#define SOLO_ONE_IN 8
static long solo_at, solo_left, nchoice;
static int solo_tid;

static bool rnd_begin(void)
{
	rng = weft__mix64(weft__opts.seed ^ weft__mix64((uint64_t)weft__exec_no()));
	nchoice = 0;
	solo_tid = -1;
	solo_at = -1;
	if (weft__rng_below(&rng, SOLO_ONE_IN) == 0) {
		solo_at = weft__rng_below(&rng, 64);
		solo_left = 1 + weft__rng_below(&rng, 256);
	}
	return true;
}

/* The solo thread when it can run (w: the threads that can), else -1;
 * at the solo run's first choice, t becomes it. */
static inline int solo(uint64_t w, int *t)
{
	if (__builtin_expect(solo_at < 0, 1))
		return -1;
	if (nchoice++ == solo_at)
		solo_tid = -2;
	if (solo_tid == -1 || solo_left <= 0)
		return -1;
	solo_left--;
	if (solo_tid == -2) {
		solo_tid = *t;
		return -1;
	}
	return solo_tid < 64 && ((w >> solo_tid) & 1) ? solo_tid : -1;
}

/* Up to 64 threads the set is one word: its k-th member is found by
 * clearing the k lowest bits. */
static int pick_in_word(uint64_t w)
{
	int k = weft__rng_below(&rng, __builtin_popcountll(w));
	/* k is a coin toss: a loop of k rounds mispredicted its exit at
	 * nearly every step.  The first three are picked without a branch
	 * (conditional moves), the rare rest by the loop. */
	uint64_t w1 = w & (w - 1), w2 = w1 & (w1 - 1);
	uint64_t m1 = -(uint64_t)(k == 1), m2 = -(uint64_t)(k >= 2);

	w = (w & ~(m1 | m2)) | (w1 & m1) | (w2 & m2);
	while (__builtin_expect(k > 2, 0))
		w &= w - 1, k--;
	return __builtin_ctzll(w);
}

static int pick_in(const struct weft__decision *d)
{
	int n;

	if (d->nthreads <= 64)
		return pick_in_word(d->eligible->w[0]);
	n = weft__ts_count_below(d->eligible, d->nthreads);

	return weft__ts_nth(d->eligible, weft__rng_below(&rng, n));
}

static int rnd_pick_word(uint64_t w)
{
	int t = pick_in_word(w), s = solo(w, &t);

	return s >= 0 ? s : t;
}

/* The solo thread runs whenever it is enabled, eligible or not (an
 * unfair continuation, as the exhaustive search takes them too), unless
 * only a spurious wakeup would move it. */
static int rnd_pick(const struct weft__decision *d)
{
	int t = pick_in(d),
	    s = solo(d->enabled->w[0] & ~d->weak->w[0], &t);

	return s >= 0 ? s : t;
}

static int rnd_value(int n)
{
	return weft__rng_below(&rng, n);
}

static void rnd_end(enum exec_result r)
{
	(void)r;
}

const struct weft__strategy weft__strategy_random = {
	.name = "random", .begin = rnd_begin, .pick = rnd_pick,
	.value = rnd_value, .end = rnd_end, .parts = WEFT__PARTS_SEEDS,
	.lone_free = true, .pick_word = rnd_pick_word,
};
