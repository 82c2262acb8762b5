//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "dwork_cancel_late_worker_bug.c"
