/* src/pthread/random.c - the C library's pseudo-random state, as at start-up
 * in every execution.
 *
 * rand, random (which share one state) and the drand48 family keep their
 * state inside libc, whose data weft does not restore between executions
 * (only the program's is).  Left alone, every execution would draw other
 * numbers: a program that branches on rand() would not replay, and the
 * explorer would take it for nondeterministic.  So each execution starts
 * from the state a fresh process has: glibc's own state table (the
 * program may have switched to its own with initstate/setstate) seeded
 * with 1, and the drand48 state zero.  A program that seeds from the
 * clock, srand(time(NULL)), seeds from virtual time, the same in every
 * execution.  rand_r, random_r and erand48 keep their state in the
 * program's memory, which is restored like the rest of it. */
#include <stdlib.h>

#include "pthread/pt.h"

static char *libc_table; /* glibc's own state, for setstate */

static void random_begin(void)
{
	unsigned short zero[3] = { 0, 0, 0 };

	setstate(libc_table);
	srandom(1); /* the documented initial state of random() and rand() */
	seed48(zero);
}

static struct weft__hooks hooks = { random_begin, NULL, NULL };

__attribute__((constructor)) static void random_init(void)
{
	static char probe[128];

	/* initstate returns the state in use, which setstate takes back
	 * (with its position, so the program's first numbers are kept). */
	libc_table = initstate(1, probe, sizeof probe);
	setstate(libc_table);
	weft__register_hooks(&hooks);
}
