// add_timer_pending_bug.c re-arming with mod_timer.
//! expect: verified
#define FIXED
#include "add_timer_pending_bug.c"
