// rcu_work_bug.c with queue_rcu_work: the object is freed after every
// reader that may hold it has left its read section, and flush_rcu_work
// waits for the grace period before it flushes the work.
//! expect: verified
#define FIXED
#include "rcu_work_bug.c"
