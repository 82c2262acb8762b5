// The buffer read after the region ends (preemption or softirqs on
// again): the grace period does not wait for it, and the free may come
// first.  See sync_rcu_region_ok.c.
//! expect(preempt_region): bug use-after-free
//! expect(bh_region): bug use-after-free
#define READ_OUTSIDE
#include "sync_rcu_region_ok.c"
