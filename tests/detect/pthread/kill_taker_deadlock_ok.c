//! expect: verified
//! args: --strategy=dfs
#define OK
#include "kill_taker_deadlock_bug.c"
