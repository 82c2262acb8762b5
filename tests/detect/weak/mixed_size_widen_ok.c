//! expect: verified unexplored=none
//! args: --strategy=dfs
/* mixed_size_widen_bug.c published with release and read with acquire. */
#define PUB __ATOMIC_RELEASE
#define SUB __ATOMIC_ACQUIRE
#include "mixed_size_widen_bug.c"
