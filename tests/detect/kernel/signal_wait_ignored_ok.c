//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "signal_wait_ignored_bug.c"
