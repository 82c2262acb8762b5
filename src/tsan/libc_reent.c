/* src/tsan/libc_reent.c - the C library's reentrant calls whose state is
 * the program's memory: the _r random generators, the search trees and
 * tables (tsearch, lsearch, hsearch_r), as the race detector sees them.
 *
 * These calls are safe for two threads only on two states: the state is
 * the caller's (a struct random_data, a struct drand48_data and its
 * xsubi, a tree's root pointer, an array and its count, a struct
 * hsearch_data).  The C library is not built with weft-cc, so two
 * threads drawing from one generator or inserting into one tree without
 * a lock were verified in one or two schedules (a probe of pthread
 * programs).  Each wrapper checks the call's reads and writes of that
 * state, a generator's draw as a read and a write of it, then makes the
 * call; test threads are fibers on one OS thread, so nothing changes the
 * state in between.  The seeding calls (srandom_r, initstate_r,
 * srand48_r, seed48_r) are checked where they are noted as inputs of the
 * run, src/pthread/random.c.
 *
 * A tree is checked as its root pointer, the variable the program
 * passes: tfind reads it, tsearch and tdelete write it (they may
 * rebalance the tree at any insertion or removal).  The nodes are the C
 * library's own memory, reused by its malloc, so they are not checked;
 * neither is tdestroy, which takes the root by value and frees nodes
 * only.  Outside an execution the checks do nothing. */
#include <search.h>
#include <stdlib.h>

#include "detect/race.h"
#include "modelled.h"
#include "tsan/tsan.h"

#define PC() WEFT__CALLER_PC()
#define rd weft__tsan_rd
#define wr weft__tsan_wr

static void rw(const void *p, size_t n, uintptr_t pc)
{
	rd(p, n, pc);
	wr(p, n, pc);
}

/* ---- random_r and the drand48_r family -------------------------------- */

/* A draw of random_r reads and writes the struct (its front and rear
 * pointers) and the state words between state and end_ptr (one word for
 * the linear generator of an 8-byte state). */
int __weft_random_r(struct random_data *buf, int32_t *result)
{
	uintptr_t pc = PC();

	rw(buf, sizeof *buf, pc);
	if (buf && buf->state) {
		size_t k = buf->end_ptr > buf->state
				   ? (size_t)(buf->end_ptr - buf->state)
				   : 1;
		rw(buf->state, k * sizeof *buf->state, pc);
	}
	wr(result, sizeof *result, pc);
	return random_r(buf, result);
}

/* The drand48_r calls read and write their struct drand48_data (its x[]
 * state, and the multiplier it sets up on first use). */
static void d48(struct drand48_data *buf, unsigned short *xsubi,
		void *result, size_t n, uintptr_t pc)
{
	if (xsubi)
		rw(xsubi, 3 * sizeof *xsubi, pc);
	rw(buf, sizeof *buf, pc);
	wr(result, n, pc);
}

int __weft_drand48_r(struct drand48_data *buf, double *result)
{
	d48(buf, NULL, result, sizeof *result, PC());
	return drand48_r(buf, result);
}

int __weft_lrand48_r(struct drand48_data *buf, long *result)
{
	d48(buf, NULL, result, sizeof *result, PC());
	return lrand48_r(buf, result);
}

int __weft_mrand48_r(struct drand48_data *buf, long *result)
{
	d48(buf, NULL, result, sizeof *result, PC());
	return mrand48_r(buf, result);
}

int __weft_erand48_r(unsigned short xsubi[3], struct drand48_data *buf,
		     double *result)
{
	d48(buf, xsubi, result, sizeof *result, PC());
	return erand48_r(xsubi, buf, result);
}

int __weft_nrand48_r(unsigned short xsubi[3], struct drand48_data *buf,
		     long *result)
{
	d48(buf, xsubi, result, sizeof *result, PC());
	return nrand48_r(xsubi, buf, result);
}

int __weft_jrand48_r(unsigned short xsubi[3], struct drand48_data *buf,
		     long *result)
{
	d48(buf, xsubi, result, sizeof *result, PC());
	return jrand48_r(xsubi, buf, result);
}

/* ---- trees --------------------------------------------------------------- */

void *__weft_tsearch(const void *key, void **rootp,
		     int (*cmp)(const void *, const void *))
{
	rw(rootp, sizeof *rootp, PC());
	return tsearch(key, rootp, cmp);
}

void *__weft_tfind(const void *key, void *const *rootp,
		   int (*cmp)(const void *, const void *))
{
	rd(rootp, sizeof *rootp, PC());
	return tfind(key, rootp, cmp);
}

void *__weft_tdelete(const void *key, void **rootp,
		     int (*cmp)(const void *, const void *))
{
	rw(rootp, sizeof *rootp, PC());
	return tdelete(key, rootp, cmp);
}

/* ---- lsearch, lfind ------------------------------------------------------ */

/* lfind reads the key, the count and the elements it compares: all of
 * them, taken as read (where the comparator stops is the program's, and
 * calling it twice would run the program's code twice). */
void *__weft_lfind(const void *key, const void *base, size_t *nmemb,
		   size_t size, int (*cmp)(const void *, const void *))
{
	uintptr_t pc = PC();

	rd(nmemb, sizeof *nmemb, pc);
	rd(key, size, pc);
	rd(base, *nmemb * size, pc);
	return lfind(key, base, nmemb, size, cmp);
}

/* lsearch reads as lfind; a key it did not find it appends, writing the
 * new element and the count (checked after the call, which decides). */
void *__weft_lsearch(const void *key, void *base, size_t *nmemb,
		     size_t size, int (*cmp)(const void *, const void *))
{
	uintptr_t pc = PC();
	size_t n;
	void *r;

	rd(nmemb, sizeof *nmemb, pc);
	n = *nmemb;
	rd(key, size, pc);
	rd(base, n * size, pc);
	r = lsearch(key, base, nmemb, size, cmp);
	if (*nmemb != n) {
		wr((char *)base + n * size, size, pc);
		wr(nmemb, sizeof *nmemb, pc);
	}
	return r;
}

/* ---- hsearch_r ------------------------------------------------------------ */

/* The table's entries are the C library's memory; the struct that holds
 * them is the program's and stands for the table: FIND reads it, ENTER
 * (which may fill a slot) writes it, as do making and destroying it. */
int __weft_hsearch_r(ENTRY item, ACTION action, ENTRY **ret,
		     struct hsearch_data *tab)
{
	uintptr_t pc = PC();

	if (action == ENTER)
		rw(tab, sizeof *tab, pc);
	else
		rd(tab, sizeof *tab, pc);
	wr(ret, sizeof *ret, pc);
	return hsearch_r(item, action, ret, tab);
}

int __weft_hcreate_r(size_t nel, struct hsearch_data *tab)
{
	wr(tab, sizeof *tab, PC());
	return hcreate_r(nel, tab);
}

void __weft_hdestroy_r(struct hsearch_data *tab)
{
	wr(tab, sizeof *tab, PC());
	hdestroy_r(tab);
}
