// kthread_worker_bug.c with the flush before the lock: verified.
//! expect(flush_under_lock): verified
//! expect(ordered_runs): verified
#define KTHREAD_WORKER_OK
#include "kthread_worker_bug.c"
