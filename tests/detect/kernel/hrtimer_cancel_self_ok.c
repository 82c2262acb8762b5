// hrtimer_cancel_self_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "hrtimer_cancel_self_bug.c"
