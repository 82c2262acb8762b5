//! expect: bug use-after-free
//! args: --strategy=dfs
/* rcu_gp_preempt_region_bug.c with the worker's region of interrupts off (local_irq_save): it
 * was no scheduling point either, and the use-after-free after
 * synchronize_rcu was verified in one schedule. */
#define REGION_NAME rcu_gp_irqsave_region
#define REGION_ENTER() local_irq_save(flags)
#define REGION_EXIT() local_irq_restore(flags)
#include "rcu_gp_preempt_region_bug.c"
