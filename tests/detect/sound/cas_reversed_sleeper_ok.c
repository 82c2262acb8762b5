//! expect: verified
//! args: --strategy=dfs
/* cas_reversed_sleeper_bug.c with main committing only when it took the
 * audit lock: main_busy and main_commit never hold together. */
#define FIXED
#include "cas_reversed_sleeper_bug.c"
