//! expect: pass
//! args: --iterations=20000
/* futex_requeue_bug.c with a waiter taking the mutex after its wait as
 * contended: its unlock wakes the waiter requeued behind it.  The futex
 * lock's spinning makes the search too big to end (pass at 500,000
 * executions and at 8.3 million in 60 s), hence a small budget. */
#define OK
#include "futex_requeue_bug.c"
