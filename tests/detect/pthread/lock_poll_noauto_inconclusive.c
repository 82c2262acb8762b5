//! expect: inconclusive step-limit
//! args: --strategy=dfs --starve-bound=0 --max-steps=2000 --iterations=3
/* --starve-bound=0 given by the user keeps the automatic bound of
 * lock_poll_auto_ok.c off: the lock poll runs alone into --max-steps. */
#include "starve_lock_poll_ok.c"
