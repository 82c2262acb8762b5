// guard_bug.c with both threads taking cfg_lock first, and the object
// handed over with no_free_ptr(): verified.
//! expect(guard_order): verified
//! expect(free_scope): verified
//! expect(guard_irqsave_rcu): verified
#define GUARD_OK
#include "guard_bug.c"
