// The twin of swait_ok.c that starts its workers with swake_up_one.
//! expect: bug deadlock
//! args: --strategy=dfs
#define SWAIT_BUG 1
#include "swait_ok.c"
