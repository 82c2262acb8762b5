//! expect: verified
//! args: --strategy=dfs
/* heap_overrun_range_bug.c copying the block's own 16 bytes, and
 * writing an aligned_alloc block's 64 bytes and no more. */
#define HEAP_OVERRUN_RANGE_OK
#include "heap_overrun_range_bug.c"
