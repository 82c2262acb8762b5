//! expect: verified
//! args: --strategy=dfs
/* heap_aligned_head_bug.c reading the buffer's own first bytes. */
#define HEAP_ALIGNED_HEAD_OK
#include "heap_aligned_head_bug.c"
