//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "callout_stop_ref_bug.c"
