//! expect: bug assertion
//! args: --strategy=dfs
/* The twin of spin_relaxed_ok.c with the counter incremented by a relaxed
 * load and a relaxed store instead of one read-modify-write: two workers
 * can load the same value (or a stale one), and an increment is lost. */
#define LOAD_STORE
#include "spin_relaxed_ok.c"
