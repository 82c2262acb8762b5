// wait_lock_irq_ok.c with a write after the wake-up, outside the lock:
// it races with the consumer's read under the lock.
//! expect: bug data-race
#define LATE_WRITE
#include "wait_lock_irq_ok.c"
