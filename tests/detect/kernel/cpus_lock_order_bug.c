// The twin of cpus_lock_order_ok.c whose hotplug path takes the driver's
// mutex before cpu_hotplug_lock, the teardown the other way round.
//! expect: bug deadlock
//! args: --strategy=dfs
#define CPUS_LOCK_BUG 1
#include "cpus_lock_order_ok.c"
