//! expect: verified
//! args: --strategy=dfs
#define OK
#include "try_fail_sync_bug.c"
