//! expect: bug use-after-free
/* rcu_cb_region_bh_bug.c with call_rcu and a callback that kfrees the
 * queue, instead of kfree_rcu. */
#define CALL_RCU
#include "rcu_cb_region_bh_bug.c"
