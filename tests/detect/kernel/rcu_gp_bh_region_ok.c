//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "rcu_gp_bh_region_bug.c"
