//! expect: verified
//! args: --strategy=dfs
/* heap_zero_bug.c growing the empty array before it stores. */
#define HEAP_ZERO_OK
#include "heap_zero_bug.c"
