//! expect: verified
//! args: --strategy=dfs
/* The handshake of sync_cas_barrier_bug.cpp over GCC's
 * __sync_bool_compare_and_swap, a full barrier: both loads reading 0 is
 * impossible. */
#define OK
#include "sync_cas_barrier_bug.cpp"
