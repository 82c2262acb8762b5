//! expect: verified unexplored=none
//! args: --strategy=dfs
/* reuse_published_bug.c publishing without a free before an allocation:
 * no freed block's address could have been reused. */
#define OK
#include "reuse_published_bug.c"
