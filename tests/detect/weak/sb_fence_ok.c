//! expect: verified
//! args: --strategy=dfs
/* The twin of sb_relaxed_bug.c with a seq_cst fence between each thread's
 * store and load: the fences are ordered, and the load after the later
 * fence sees the store before the earlier one (C11 32.4, the fence rule;
 * the usual fix of Dekker's protocol). */
#define FENCE() atomic_thread_fence(memory_order_seq_cst)
#include "sb_relaxed_bug.c"
