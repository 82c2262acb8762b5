/* src/pthread/verifier_weak.c - reach_error() for SV-COMP programs that
 * declare it without defining it.  Weak, so a program's own definition
 * (usually one calling assert(0) or abort()) wins. */
#include "pthread/pt.h"

__attribute__((weak)) void reach_error(void)
{
	if (!weft__pt_live())
		return;
	weft__fail("assertion", WEFT__CALLER_LOC(), "reach_error() reached");
}
