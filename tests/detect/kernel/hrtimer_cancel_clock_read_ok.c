//! expect: verified
#define FIXED
#include "hrtimer_cancel_clock_read_bug.c"
