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

/* Uniform in [0, n) for small n: the high half of a 64 x 64-bit product
 * (bias below n / 2^64), where a modulo's division was most of the
 * random strategy's choice at every step. */
static inline int weft__rng_below(uint64_t *s, int n)
{
#ifdef __SIZEOF_INT128__
	return (int)(((unsigned __int128)weft__rng_next(s) * (uint64_t)n) >> 64);
#else
	return (int)(weft__rng_next(s) % (uint64_t)n);
#endif
}

#endif
