// stop_intr_wait_bug.c's callers check the answers: the teardown allows
// an interrupted mutex_lock_interruptible, and only a positive answer of
// an interruptible timed wait means the wait was met.
//! expect(mutex_intr_stopped): verified
//! expect(completion_intr_timeout_stopped): verified
//! expect(waitq_intr_timeout_stopped): verified
#define FIXED
#include "stop_intr_wait_bug.c"
