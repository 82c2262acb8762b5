//! expect: verified
#define OK
#include "kthread_run_stop_bug.c"
