// The callback of timer_add_on_migrate_bug.c re-arms its timer on the CPU
// it runs on (a per-CPU timer): the timer stays on its base, and
// del_timer_sync waits for the running callback.
//! expect: verified
#define SAME_CPU
#include "timer_add_on_migrate_bug.c"
