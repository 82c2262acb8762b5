// The twin of wait_exclusive_ok.c that wakes the queue once for two
// packets: only the first exclusive waiter is woken.
//! expect: bug deadlock
//! args: --strategy=dfs
#define WAIT_EXCLUSIVE_BUG 1
#include "wait_exclusive_ok.c"
