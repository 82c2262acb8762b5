//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "cache_destroy_live_bug.c"
