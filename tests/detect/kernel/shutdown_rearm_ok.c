// shutdown_rearm_bug.c with del_timer_sync: the callback's re-arm takes
// effect, and the retry deactivates it and returns 1.
//! expect: verified
#define FIXED
#include "shutdown_rearm_bug.c"
