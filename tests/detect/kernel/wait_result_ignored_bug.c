// The twin of wait_result_ignored_ok.c that wakes the queue before it
// sets the flag the waiter waits for.
//! expect: bug deadlock
//! args: --strategy=dfs
#define WAIT_RESULT_BUG 1
#include "wait_result_ignored_ok.c"
