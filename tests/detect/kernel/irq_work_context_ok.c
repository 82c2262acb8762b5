// irq_work_context_bug.c with process context taking the lock with
// spin_lock_irqsave.
//! expect: verified
#define FIXED
#include "irq_work_context_bug.c"
