//! expect: verified unexplored=cas_unexplored
//! args: --strategy=dfs
/* lb_failed_cas_bug.c with acquire compare-exchanges and release stores:
 * each failed CAS acquires, each store releases, so the cycle would be a
 * happens-before cycle and r0 == r1 == 1 is forbidden; no load-buffering
 * clause (the failed CAS's own clause stays). */
#define CAS_MO memory_order_acquire
#define ST_MO memory_order_release
#include "lb_failed_cas_bug.c"
