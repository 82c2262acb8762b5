/* src/explore/random.c - the random strategy: at every step, a thread
 * chosen uniformly among the eligible ones. */
#include "explore/explore.h"
#include "rng.h"

static uint64_t rng;

static bool rnd_begin(void)
{
	rng = weft__mix64(weft__opts.seed ^ weft__mix64((uint64_t)weft__exec_no()));
	return true;
}

/* Up to 64 threads the set is one word: its k-th member is found by
 * clearing the k lowest bits. */
static int rnd_pick_word(uint64_t w)
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

static int rnd_pick(const struct weft__decision *d)
{
	int n;

	if (d->nthreads <= 64)
		return rnd_pick_word(d->eligible->w[0]);
	n = weft__ts_count_below(d->eligible, d->nthreads);

	return weft__ts_nth(d->eligible, weft__rng_below(&rng, n));
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
