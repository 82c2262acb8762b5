//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "counter_free_bug.c"
