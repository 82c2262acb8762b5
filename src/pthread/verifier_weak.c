/* src/pthread/verifier_weak.c - weak defaults of the SV-COMP convention.
 *
 * reach_error() for programs that declare it without defining it.  Weak,
 * so a program's own definition (often empty, or calling assert(0),
 * __assert_fail or abort()) wins; verifier.c sees that one. */
#include "pthread/pt.h"

__attribute__((weak)) void reach_error(void)
{
	if (!weft__pt_live())
		return;
	weft__fail("assertion", WEFT__CALLER_LOC(), "reach_error() reached");
}

/* A statement the verdict depends on, such as the value sets of
 * __VERIFIER_nondet_*.  The right channel is a finding that is listed
 * with every verdict and decides none (a "note", which the core does not
 * have yet: a strong weft__verdict_note there replaces this one).  Until
 * then the statement goes into the details of the report of a bug found
 * in this execution: a bug report states it, a clean verdict cannot. */
__attribute__((weak)) void weft__verdict_note(uint64_t key, const char *msg)
{
	(void)key;
	weft__fail_detail("%s", msg);
}
