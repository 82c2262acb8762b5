//! expect: verified unexplored=none
//! args: --strategy=dfs
/* noop_rmw_sb_bug.c with seq_cst peeks: the stores and the RMWs are all in
 * S, so one of the peeks comes after the other side's store and sees it. */
#define PEEK memory_order_seq_cst
#include "noop_rmw_sb_bug.c"
