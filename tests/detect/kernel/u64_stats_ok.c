// u64_stats_bug's readers retry with u64_stats_fetch_retry.
//! expect(no_retry): verified
//! expect(counters): verified
#define OK
#include "u64_stats_bug.c"
