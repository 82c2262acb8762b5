//! expect: verified unexplored=none
//! args: --strategy=dfs
/* mixed_size_dwcas_bug.c peeking with acquire: it synchronises with the
 * release compare-exchange whose pointer it read. */
#define SUB __ATOMIC_ACQUIRE
#include "mixed_size_dwcas_bug.c"
