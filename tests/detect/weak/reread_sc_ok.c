//! expect: verified
//! args: --strategy=dfs
/* The twin of reread_sc_bug.c with an acquire load of x1: when it reads
 * t1's seq_cst (so releasing) store of 2, t1's earlier store of x0
 * happens before both loads of x0, which cannot read 0 then. */
#define FIRST memory_order_acquire
#include "reread_sc_bug.c"
