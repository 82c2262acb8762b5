//! expect: verified
//! args: --strategy=dfs
/* join_retval_race_bug.c reading the slot after joining the collector. */
#define FIXED
#include "join_retval_race_bug.c"
