//! expect: bug use-after-free
//! args: --strategy=dfs
/* rcu_gp_preempt_region_bug.c with the worker's region of softirqs off (local_bh_disable): it
 * was no scheduling point either, and the use-after-free after
 * synchronize_rcu was verified in one schedule. */
#define REGION_NAME rcu_gp_bh_region
#define REGION_ENTER() local_bh_disable()
#define REGION_EXIT() local_bh_enable()
#include "rcu_gp_preempt_region_bug.c"
