//! expect: verified
//! args: --strategy=dfs
/* late_spawn_mutex_bug.c with x stored under the lock before n: th1
 * seeing n == 1 sees x == 2. */
#define FIXED
#include "late_spawn_mutex_bug.c"
