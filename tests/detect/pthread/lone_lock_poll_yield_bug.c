//! expect: bug livelock
//! args: --strategy=dfs
/* lone_lock_poll_bug.c with a sched_yield between the unlock and the
 * lock of each round: the same livelock (it was the same step limit). */
#define LONE_LOCK_POLL_YIELD 1
#include "lone_lock_poll_bug.c"
