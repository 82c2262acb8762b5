//! expect: verified
/* The fix of delay_ticks_deadline_bug.c: the timeout is handled. */
#define FIXED
#include "delay_ticks_deadline_bug.c"
