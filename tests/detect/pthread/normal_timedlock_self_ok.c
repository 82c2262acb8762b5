//! expect: verified
//! args: --strategy=dfs
/* The twin of normal_timedlock_self_bug.c that expects ETIMEDOUT from a
 * timed lock of the explicitly normal mutex it holds. */
#define OK
#include "normal_timedlock_self_bug.c"
