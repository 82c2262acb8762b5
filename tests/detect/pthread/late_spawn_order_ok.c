//! expect: verified
//! args: --strategy=dfs
/* late_spawn_order_bug.c with th5 adding 2: th1 never reads 1. */
#define FIXED
#include "late_spawn_order_bug.c"
