//! expect: verified
//! args: --strategy=dfs
/* free_nonheap_bug.c freeing only the block calloc returned. */
#define FREE_NONHEAP_OK
#include "free_nonheap_bug.c"
