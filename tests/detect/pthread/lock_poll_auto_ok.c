//! expect: verified
//! args: --strategy=dfs
/* starve_lock_poll_ok's poll of a flag under a mutex, without the user's
 * --starve-bound: the first schedule ran main's loop alone to
 * --max-steps (each round takes the mutex, a write, so it is no spin),
 * and after 14 s of searching the verdict was inconclusive (step-limit).
 * Now the search starts again with --starve-bound=1000 by itself, and the
 * verdict line and a note say so (loop.c's auto_starve).
 * lock_poll_auto_bug.c reads the worker's result without the mutex. */
#include "starve_lock_poll_ok.c"
