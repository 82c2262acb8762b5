//! expect: verified
#define FIXED
#include "msleep_timeout_ticks_bug.c"
