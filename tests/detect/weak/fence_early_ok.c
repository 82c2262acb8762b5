//! expect: verified
//! args: --strategy=dfs
/* The twin of fence_early_bug.c whose load of the flag acquires: reading
 * x1's release store orders t0's store of x2 before the load of x2, which
 * must then see it, wherever the fence is. */
#define FLAG_LOAD memory_order_acquire
#include "fence_early_bug.c"
