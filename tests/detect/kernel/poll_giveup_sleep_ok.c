//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "poll_giveup_sleep_bug.c"
