//! expect: verified
#define FIXED
#include "clock_deadline_poll_bug.c"
