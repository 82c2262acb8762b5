//! expect: verified
//! args: --strategy=dfs
/* The twin of sb_relaxed_bug.c with seq_cst stores and loads: one total
 * order of all four, so one of the loads comes after both stores. */
#define ST memory_order_seq_cst
#define LD memory_order_seq_cst
#include "sb_relaxed_bug.c"
