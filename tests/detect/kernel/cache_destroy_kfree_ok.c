//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "cache_destroy_kfree_bug.c"
