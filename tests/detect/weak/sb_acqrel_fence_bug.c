//! expect: bug assertion
//! args: --strategy=dfs
/* sb_fence_ok.c with acq_rel fences: they order nothing between a
 * thread's own store and its later load of another location, so both
 * loads can still read 0.  Only seq_cst fences forbid it. */
#define FENCE() atomic_thread_fence(memory_order_acq_rel)
#include "sb_relaxed_bug.c"
