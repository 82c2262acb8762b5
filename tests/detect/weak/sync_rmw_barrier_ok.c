//! expect: verified
//! args: --strategy=dfs
/* The handshake of sync_rmw_barrier_bug.c over GCC's __sync_fetch_and_add,
 * a full barrier: both loads reading 0 is impossible. */
#define OK
#include "sync_rmw_barrier_bug.c"
