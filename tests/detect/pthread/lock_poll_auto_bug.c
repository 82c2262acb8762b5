//! expect: bug assertion
//! args: --strategy=dfs
/* The lock poll of lock_poll_auto_ok.c, the worker's result written
 * after its unlock: main may read it first. */
#define STARVE_LOCK_POLL_BUG 1
#include "starve_lock_poll_ok.c"
