//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "signal_lock_ignored_bug.c"
