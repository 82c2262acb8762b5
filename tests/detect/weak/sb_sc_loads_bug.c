//! expect: bug assertion
//! args: --strategy=dfs
/* sb_relaxed_bug.c with seq_cst loads but relaxed stores: a seq_cst load
 * is ordered with the other seq_cst operations only, and the stores are
 * not among them, so both loads can still read 0 (x86 runs this as two
 * plain moves each).  sb_seqcst_ok.c makes the stores seq_cst too. */
#define LD memory_order_seq_cst
#include "sb_relaxed_bug.c"
