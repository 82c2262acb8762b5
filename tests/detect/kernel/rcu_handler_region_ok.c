// rcu_handler_region_bug.c with synchronize_rcu() between the callback's
// start and the read: the grace period waits for the callback's end.
//! expect: verified
#define FIXED
#include "rcu_handler_region_bug.c"
