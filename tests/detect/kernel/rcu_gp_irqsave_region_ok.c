//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "rcu_gp_irqsave_region_bug.c"
