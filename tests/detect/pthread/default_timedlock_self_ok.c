//! expect: verified
//! args: --strategy=dfs
/* The twin of default_timedlock_self_bug.c that unlocks the default
 * mutex before its timed lock. */
#define OK
#include "default_timedlock_self_bug.c"
