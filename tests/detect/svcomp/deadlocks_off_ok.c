//! expect: verified
//! args: --strategy=dfs --deadlocks=off
/* The twin of deadlocks_off_bug.c with a bound no interleaving passes
 * (count is 2 and second_first at most 1 in every execution that ends):
 * the deadlocking interleavings end unreported, and the program is safe
 * for the task's property. */
#define LIMIT 2
#include "deadlocks_off_bug.c"
