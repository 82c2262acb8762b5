// u64_stats_preemptible_bug.c fixed, as its comment says.
//! expect: verified
#define FIXED
#include "u64_stats_preemptible_bug.c"
