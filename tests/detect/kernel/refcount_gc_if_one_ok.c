//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "refcount_gc_if_one_bug.c"
