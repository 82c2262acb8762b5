//! expect: verified unexplored=sc_unexplored
//! args: --strategy=dfs
/* sc_load_early_bug.c read with a seq_cst fence and a relaxed load: C11
 * 29.3p4 constrains the load only by the seq_cst stores before the fence
 * in S, and S may put the fence before the store of data (no
 * happens-before orders them).  weft verified it "every interleaving";
 * now with the seq_cst clause, which this test checks. */
#define FENCE
#include "sc_load_early_bug.c"
