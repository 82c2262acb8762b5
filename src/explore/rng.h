/* src/explore/rng.h - the explorer's random numbers: splitmix64, seeded per
 * execution from (seed, execution number), so execution k is the same
 * whatever ran before it and whichever worker runs it. */
#ifndef WEFT_RNG_H
#define WEFT_RNG_H

#include <stdint.h>

#include "tset.h"

static inline uint64_t weft__mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static inline uint64_t weft__rng_next(uint64_t *s)
{
	*s += 0x9e3779b97f4a7c15ULL;
	return weft__mix64(*s);
}

/* Uniform in [0, n) (n small; the modulo bias is negligible). */
static inline int weft__rng_below(uint64_t *s, int n)
{
	return (int)(weft__rng_next(s) % (uint64_t)n);
}

/* The k-th member of s in increasing order, for k < its size. */
static inline int weft__ts_nth(const weft__tset *s, int k)
{
	for (int i = 0; i < WEFT__TSET_WORDS; i++) {
		uint64_t w = s->w[i];
		int c = __builtin_popcountll(w);
		if (k >= c) {
			k -= c;
			continue;
		}
		while (k--)
			w &= w - 1;
		return (i << 6) + __builtin_ctzll(w);
	}
	return -1;
}

#endif
