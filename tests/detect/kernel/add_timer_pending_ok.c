// add_timer_pending_bug.c with mod_timer, which re-arms a pending timer.
//! expect: verified
#define FIXED
#include "add_timer_pending_bug.c"
