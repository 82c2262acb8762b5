// rcu_cb_cpus_bug.c with the counter atomic, and both SRCU callbacks
// queued by one thread, which run in the order queued on its CPU.
//! expect: verified
#define OK
#include "rcu_cb_cpus_bug.c"
