//! expect: verified
//! args: --strategy=dfs
/* The twin of relseq_rmw_between_bug.c: the head's own thread stores 5
 * after t0's compare-exchange, which C11 keeps in the release sequence
 * (the heading thread's store after a read-modify-write of another), so
 * t2's acquire of 5 synchronises with t1's release. */
#define FIXED
#include "relseq_rmw_between_bug.c"
