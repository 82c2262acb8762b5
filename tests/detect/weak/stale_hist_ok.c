//! expect: verified unexplored=none
//! args: --strategy=dfs
/* stale_hist_bug.c published with release/acquire: the reader sees the
 * last store. */
#define PUB memory_order_release
#define SUB memory_order_acquire
#include "stale_hist_bug.c"
