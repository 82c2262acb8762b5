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
	weft__fail(WEFT__K(ASSERTION), WEFT__CALLER_LOC(),
		   "reach_error() reached");
}
