// hrtimer_forward_queued_bug.c re-arming with hrtimer_start, which may
// move a queued timer.
//! expect: verified
#define FIXED
#include "hrtimer_forward_queued_bug.c"
