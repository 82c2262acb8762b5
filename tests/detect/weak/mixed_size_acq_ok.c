//! expect: verified unexplored=none
//! args: --strategy=dfs
/* mixed_size_acq_bug.c with an acquire load of the idx half: it
 * synchronises with the 64-bit release store it read. */
#define SUB __ATOMIC_ACQUIRE
#include "mixed_size_acq_bug.c"
