// kthread_exit_ctx_bug.c with interrupts, preemption and softirqs
// enabled again before each kthread exits.
//! expect: verified
#define OK
#include "kthread_exit_ctx_bug.c"
