//! expect: verified
#define FIXED
#include "poll_giveup_jiffies_bug.c"
