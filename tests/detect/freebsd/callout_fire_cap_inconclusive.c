//! expect: inconclusive timer-refire-bound
//! args: --strategy=dfs
#define FIXED
#include "callout_fire_cap_bug.c"
