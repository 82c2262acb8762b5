// srcu_list_walk_bug.c's unregister unlinks the entry, then waits for the
// readers, then frees it; a walk under the list's mutex passes that lock
// as list_for_each_entry_rcu's and hlist_for_each_entry_rcu's lockdep
// condition.
//! expect(sync_before_unlink): verified
//! expect(hlist_sync_before_unlink): verified
#define FIXED
#include "srcu_list_walk_bug.c"
