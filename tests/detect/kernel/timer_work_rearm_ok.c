// timer_work_rearm_bug.c as fixed (FIXED): timer_shutdown_sync() keeps
// the running work from re-arming the timer.  The work re-arming the
// timer that queued it counts against the refire bound, as a timer
// re-arming itself does: each round used to reset the count, and the
// cycle starved the test into the step limit (inconclusive).  The
// search does not end within the budget (the rounds of the cycle
// interleave with the teardown), so the verdict is pass.
//! expect: pass
#define FIXED
#include "timer_work_rearm_bug.c"
