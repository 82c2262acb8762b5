//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "rcu_gp_spin_region_bug.c"
