// get_cpu_lock_softirq_bug.c fixed, as its comment says.
//! expect(enqueue_vs_flush_timer): verified
//! expect(local_lock_vs_flush_timer): verified
#define FIXED
#include "get_cpu_lock_softirq_bug.c"
