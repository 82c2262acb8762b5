//! expect: verified
//! args: --strategy=dfs
/* bcopy_race_bug.c with the writer holding the lock as well. */
#define LOCKED
#include "bcopy_race_bug.c"
