// srcu_sync_under_lock_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "srcu_sync_under_lock_bug.c"
