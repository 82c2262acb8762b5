//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "rcu_sync_work_running_bug.c"
