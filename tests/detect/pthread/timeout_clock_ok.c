//! expect: verified
#define FIXED
#include "timeout_clock_bug.c"
