// bh_workqueue_sleep_bug.c with the work on a process-context queue.
//! expect: verified
#define OK
#include "bh_workqueue_sleep_bug.c"
