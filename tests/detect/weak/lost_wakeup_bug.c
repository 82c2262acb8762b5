//! expect: bug deadlock
//! args: --strategy=dfs
/* The twin of lost_wakeup_ok.c without the waker's fence: its relaxed
 * load may miss the waiter's registration while the waiter's load misses
 * the condition (store buffering), and the waiter sleeps for ever. */
#define NO_FENCE
#include "lost_wakeup_ok.c"
