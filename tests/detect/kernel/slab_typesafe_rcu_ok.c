// slab_typesafe_rcu_bug.c's lookup checks the key again after taking its
// reference, and drops one it took on another entry.
//! expect(replace_entry): verified
//! expect(stale_after_gp): verified
//! expect(reuse_other_thread): verified
//! expect(churn_under_reader): verified
#define OK
#include "slab_typesafe_rcu_bug.c"
