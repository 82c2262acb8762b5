// migrate_disable_rcu_bug.c fixed, as its comment says.
//! expect: verified
#define FIXED
#include "migrate_disable_rcu_bug.c"
