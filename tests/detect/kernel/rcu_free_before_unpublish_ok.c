// The fix of rcu_free_before_unpublish_bug.c: unpublish, then queue the
// free; a reader that enters after the call finds NULL.
//! expect(kfree_rcu_early): verified
//! expect(call_rcu_early): verified
//! expect(two_readers): verified
#define OK
#include "rcu_free_before_unpublish_bug.c"
