//! expect: verified
//! args: --strategy=dfs
/* The twin of lone_lock_poll_yield_bug.c: the main thread sets the flag. */
#define LONE_LOCK_POLL_YIELD 1
#define OK 1
#include "lone_lock_poll_bug.c"
