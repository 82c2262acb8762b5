//! expect: verified
//! args: --strategy=dfs --races=off
/* The twin: the counter is only changed under the header's lock, whose
 * acquire is one atomic step (SV-COMP convention); the check holds. */
#define OK
#include "header_atomic_bug.c"
