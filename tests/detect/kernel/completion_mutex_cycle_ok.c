// The twin of completion_mutex_cycle_bug.c that waits for the completion
// before it takes the mutex its completer takes.
//! expect: verified
//! args: --strategy=dfs
#define OK
#include "completion_mutex_cycle_bug.c"
