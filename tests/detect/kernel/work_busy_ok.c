// work_busy_bug.c polling work_busy(): it stays non-zero while the work
// runs (WORK_BUSY_RUNNING), so the device is freed after the work is
// done.  Inside its function the work is running and not pending, and
// current_work() is it.
//! expect: verified
#define OK
#include "work_busy_bug.c"
