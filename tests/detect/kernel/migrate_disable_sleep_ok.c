// migrate_disable_sleep_bug.c fixed, as its comment says.
//! expect(percpu_ctx_under_migrate_disable): verified
//! expect(unbalanced_enable): verified
#define FIXED
#include "migrate_disable_sleep_bug.c"
