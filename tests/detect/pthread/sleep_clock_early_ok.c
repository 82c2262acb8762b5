//! expect: verified
#define FIXED
#include "sleep_clock_early_bug.c"
