//! expect: verified
//! args: --strategy=dfs
/* The twin of iriw_relaxed_bug.c with seq_cst loads and stores: one total
 * order of the two writes that both readers see. */
#define ORD memory_order_seq_cst
#include "iriw_relaxed_bug.c"
