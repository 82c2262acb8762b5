// The twin of completion_put_wait_under_lock_bug.c in which only the
// remover takes m: whichever side drops the last reference, no thread
// can wait under m for a complete() that needs m.
//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "completion_put_wait_under_lock_bug.c"
