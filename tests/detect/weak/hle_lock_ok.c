//! expect: verified
//! args: --strategy=dfs
/* The twin of hle_lock_bug.c: the unlock releases (with the hint), so
 * the lock orders the counter's updates. */
#define UNLOCK_ORDER (__ATOMIC_RELEASE | __ATOMIC_HLE_RELEASE)
#include "hle_lock_bug.c"
