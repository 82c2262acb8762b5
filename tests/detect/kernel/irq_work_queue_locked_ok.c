// irq_work_queue_locked_bug.c holding the lock with interrupts off: the
// callback runs after the unlock.
//! expect: verified
#define FIXED
#include "irq_work_queue_locked_bug.c"
