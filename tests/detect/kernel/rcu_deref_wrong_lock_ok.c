// The fix of rcu_deref_wrong_lock_bug.c: the condition's mutex is held,
// and the plain rcu_dereference() is inside rcu_read_lock().
//! expect: verified
#define FIXED
#include "rcu_deref_wrong_lock_bug.c"
