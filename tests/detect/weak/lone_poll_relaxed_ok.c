//! expect: verified
//! args: --strategy=dfs
/* lone_poll_relaxed_bug.c with a release store of started and acquire
 * loads of it: main's load of data comes after the worker's store. */
#define LONE_POLL_RELAXED_OK
#include "lone_poll_relaxed_bug.c"
