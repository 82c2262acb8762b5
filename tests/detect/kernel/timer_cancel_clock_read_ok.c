//! expect: verified
#define FIXED
#include "timer_cancel_clock_read_bug.c"
