// The fix of del_timer_sync_hardirq_bug.c.
//! expect: verified
#define OK
#include "del_timer_sync_hardirq_bug.c"
