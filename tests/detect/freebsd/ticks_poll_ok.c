//! expect: verified
#define FIXED
#include "ticks_poll_bug.c"
