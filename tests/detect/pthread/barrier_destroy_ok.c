//! expect: verified
//! args: --strategy=dfs
/* barrier_destroy_bug.c with the round completed before the destroy and
 * the barrier initialised again before its next use. */
#define BARRIER_DESTROY_OK
#include "barrier_destroy_bug.c"
