/* src/tset.h - sets of thread ids.
 *
 * The scheduler, the strategies and the race analyses pass sets of
 * threads around on every step (enabled, sleeping, explored, readers
 * since a write).  A test may have WEFT__MAX_THREADS threads alive at
 * once, more than one machine word holds, so a set is a small array of
 * words.  Every operation is inline and loops over a fixed number of
 * words, which the compiler unrolls: the common case of a few threads
 * costs a few instructions more than a single word did. */
#ifndef WEFT_TSET_H
#define WEFT_TSET_H

#include <stdbool.h>
#include <stdint.h>

#define WEFT__MAX_THREADS 256
#define WEFT__TSET_WORDS ((WEFT__MAX_THREADS + 63) / 64)

typedef struct weft__tset {
	uint64_t w[WEFT__TSET_WORDS];
} weft__tset;

static inline weft__tset weft__ts_none(void)
{
	return (weft__tset){ { 0 } };
}

static inline weft__tset weft__ts_one(int t)
{
	weft__tset s = { { 0 } };

	s.w[t >> 6] = (uint64_t)1 << (t & 63);
	return s;
}

static inline bool weft__ts_has(const weft__tset *s, int t)
{
	return (s->w[t >> 6] >> (t & 63)) & 1;
}

static inline void weft__ts_add(weft__tset *s, int t)
{
	s->w[t >> 6] |= (uint64_t)1 << (t & 63);
}

static inline void weft__ts_del(weft__tset *s, int t)
{
	s->w[t >> 6] &= ~((uint64_t)1 << (t & 63));
}

static inline weft__tset weft__ts_and(weft__tset a, weft__tset b)
{
	for (int i = 0; i < WEFT__TSET_WORDS; i++)
		a.w[i] &= b.w[i];
	return a;
}

static inline weft__tset weft__ts_or(weft__tset a, weft__tset b)
{
	for (int i = 0; i < WEFT__TSET_WORDS; i++)
		a.w[i] |= b.w[i];
	return a;
}

/* a without b. */
static inline weft__tset weft__ts_minus(weft__tset a, weft__tset b)
{
	for (int i = 0; i < WEFT__TSET_WORDS; i++)
		a.w[i] &= ~b.w[i];
	return a;
}

static inline bool weft__ts_empty(weft__tset a)
{
	uint64_t any = 0;

	for (int i = 0; i < WEFT__TSET_WORDS; i++)
		any |= a.w[i];
	return !any;
}

static inline bool weft__ts_eq(weft__tset a, weft__tset b)
{
	uint64_t diff = 0;

	for (int i = 0; i < WEFT__TSET_WORDS; i++)
		diff |= a.w[i] ^ b.w[i];
	return !diff;
}

static inline bool weft__ts_meets(weft__tset a, weft__tset b)
{
	return !weft__ts_empty(weft__ts_and(a, b));
}

static inline int weft__ts_count(const weft__tset *s)
{
	int n = 0;

	for (int i = 0; i < WEFT__TSET_WORDS; i++)
		n += __builtin_popcountll(s->w[i]);
	return n;
}

/* The size of a set with no member at or past n (a set of the threads of
 * an execution with n thread records): only the words that can hold one
 * are read, one for most tests. */
static inline int weft__ts_count_below(const weft__tset *s, int n)
{
	int c = 0;

	for (int i = 0; i < (n + 63) >> 6; i++)
		c += __builtin_popcountll(s->w[i]);
	return c;
}

/* The smallest member greater than t (t = -1: the smallest), or -1. */
static inline int weft__ts_next(const weft__tset *s, int t)
{
	int i = (t + 1) >> 6;
	uint64_t w;

	if (i >= WEFT__TSET_WORDS)
		return -1;
	w = s->w[i] & (~(uint64_t)0 << ((t + 1) & 63));
	for (;;) {
		if (w)
			return (i << 6) + __builtin_ctzll(w);
		if (++i == WEFT__TSET_WORDS)
			return -1;
		w = s->w[i];
	}
}

static inline int weft__ts_first(const weft__tset *s)
{
	return weft__ts_next(s, -1);
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

/* for each member t of *s, in increasing order; the set may not change
 * inside the loop. */
#define WEFT__TS_EACH(t, s)                                                   \
	for (int t = weft__ts_first(s); t >= 0; t = weft__ts_next(s, t))

#endif
