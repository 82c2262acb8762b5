// timer_rearm_bug.c fixed: after timer_shutdown_sync, mod_timer does
// nothing, so the object can go.
//! expect: verified
#define TIMER_REARM_FIXED 1
#include "timer_rearm_bug.c"
