//! expect: verified
//! args: --strategy=dfs
/* The correct twin of global_index_bug.c: the consumers wait with
 * `while`, so neither reads the array before an item is in it. */
#define GLOBAL_INDEX_OK
#include "global_index_bug.c"
