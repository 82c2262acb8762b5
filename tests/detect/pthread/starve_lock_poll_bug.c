//! expect: bug assertion
//! args: --strategy=dfs --starve-bound=1000
/* starve_lock_poll_ok's poll of a flag under a mutex, but the worker
 * writes its result after the unlock: main may read it first. */
#define STARVE_LOCK_POLL_BUG 1
#include "starve_lock_poll_ok.c"
