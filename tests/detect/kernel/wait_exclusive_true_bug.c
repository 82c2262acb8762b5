// The twin of wait_exclusive_true_ok.c that sets A's condition after A
// may have gone on the queue: the one wake_up can go to A, and B hangs.
//! expect: bug deadlock
//! args: --strategy=dfs
#define WAIT_EXCLUSIVE_TRUE_BUG 1
#include "wait_exclusive_true_ok.c"
