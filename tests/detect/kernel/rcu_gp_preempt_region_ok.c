//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "rcu_gp_preempt_region_bug.c"
