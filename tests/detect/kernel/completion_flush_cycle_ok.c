// The twin of completion_flush_cycle_bug.c whose setup completes before
// it flushes the work that waits for it.
//! expect: verified
//! args: --strategy=dfs
#define OK
#include "completion_flush_cycle_bug.c"
