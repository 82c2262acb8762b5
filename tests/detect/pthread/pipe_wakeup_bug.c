//! expect: bug data-race
//! args: --strategy=dfs
/* pipe_wakeup_ok.c with the wake-up byte written before the job is set:
 * the worker's read of the job races with main's store. */
#define EARLY
#include "pipe_wakeup_ok.c"
