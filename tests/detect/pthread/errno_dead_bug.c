//! expect: bug use-after-free
//! args: --strategy=dfs
/* errno_dead_ok.c with main writing the finished worker's errno through
 * the pointer the worker left: a use-after-free of its thread-local
 * storage. */
#define ERRNO_DEAD_BUG 1
#include "errno_dead_ok.c"
